import ReactDOM from 'react-dom/client';
import { App } from './App';
import '../../components/base.css';

ReactDOM.createRoot(document.getElementById('root')!).render(<App />);

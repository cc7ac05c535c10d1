import ReactDOM from 'react-dom/client';
import { WelcomeApp } from './WelcomeApp';
import '../../components/base.css';

ReactDOM.createRoot(document.getElementById('root')!).render(<WelcomeApp />);

import ReactDOM from 'react-dom/client';
import { App } from './App';
import '../../components/base.css';
import { announceErasuresToBackground } from '../../utils/erasure-notice';

// A deletion made here clears the background's notifications about that person.
announceErasuresToBackground();

ReactDOM.createRoot(document.getElementById('root')!).render(<App />);

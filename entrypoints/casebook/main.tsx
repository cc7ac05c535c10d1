import ReactDOM from 'react-dom/client';
import { App } from './App';
import '../../components/base.css';
import { announceErasuresToBackground } from '../../utils/erasure-notice';

// Benchmark hook (tests/bench/casebook.ts): the page's scripts are loaded and evaluated.
performance.mark('jzz:casebook:script');

// A deletion made here clears the background's notifications about that person.
announceErasuresToBackground();

ReactDOM.createRoot(document.getElementById('root')!).render(<App />);

import { CaseBookApp } from '../../components/casebook/CaseBook';

/** The case book page; everything lives in components/casebook (see CaseBook.tsx). */
export function App() {
  return <CaseBookApp />;
}

/** Today in Beijing (`yyyy-MM-dd`), the day every rule judges by; refreshed each minute and when the page is shown. */
import { useEffect, useState } from 'react';
import { beijingDate } from '../rules/dates';

export function useToday(): string {
  const [today, setToday] = useState(() => beijingDate(Date.now()));
  useEffect(() => {
    const update = () => setToday(beijingDate(Date.now()));
    const timer = window.setInterval(update, 60_000);
    document.addEventListener('visibilitychange', update);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', update);
    };
  }, []);
  return today;
}

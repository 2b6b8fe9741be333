import { useEffect } from 'react';

/** Sets the browser tab's title: "<page> · Annex". */
export function DocumentTitle({ title }: { title: string }) {
  useEffect(() => {
    document.title = title ? `${title} · Annex` : 'Annex';
  }, [title]);
  return null;
}

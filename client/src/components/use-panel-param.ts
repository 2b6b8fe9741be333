import { useCallback } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';

interface PanelState {
  /** This panel was opened from the page it lies over: closing goes back instead of adding history. */
  openedPanel?: string;
}

/**
 * A side panel over a list, addressed by a search parameter (`?task=<id>`): the list keeps its
 * place and filters, the panel can be linked to, and the browser's Back closes it.
 */
export function usePanelParam(name: string) {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const value = params.get(name);

  const open = useCallback(
    (id: string) => {
      const next = new URLSearchParams(location.search);
      next.set(name, id);
      const alreadyOpen = (location.state as PanelState | null)?.openedPanel === name;
      // Switching from one record to another replaces; opening over the list adds a step to go back to.
      navigate({ pathname: location.pathname, search: `?${next.toString()}` }, { replace: alreadyOpen, state: { openedPanel: name } satisfies PanelState });
    },
    [location, name, navigate],
  );

  const close = useCallback(() => {
    if ((location.state as PanelState | null)?.openedPanel === name) {
      navigate(-1);
      return;
    }
    const next = new URLSearchParams(location.search);
    next.delete(name);
    const search = next.toString();
    navigate({ pathname: location.pathname, search: search ? `?${search}` : '' }, { replace: true });
  }, [location, name, navigate]);

  return { value, open, close };
}

import { Navigate } from 'react-router';
import { useViewer } from '../../session/require-viewer';

/** `/`: the first organisation's dashboard, or the welcome page for someone without one. */
export function RootRedirect() {
  const viewer = useViewer();
  const first = viewer.memberships[0];
  return <Navigate to={first ? `/o/${first.organization.id}` : '/welcome'} replace />;
}

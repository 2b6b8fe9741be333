import { useQuery } from '@apollo/client/react';
import { useLiveTopic } from '../../../../apollo/organization-events';
import { ErrorState, SkeletonRows } from '../../../../components/query-states';
import { DOCUMENT_COMPARE_QUERY } from '../../version-operations';
import { DocumentDiff, type DiffSide } from '../document-diff';

interface CompareResultProps {
  documentId: string;
  /** null: an empty document. */
  fromVersionId: string | null;
  /** null: the current draft. */
  toVersionId: string | null;
  from?: DiffSide;
  to?: DiffSide;
  maxHeight?: number | string;
}


/** Asks the server for the comparison of two versions (or a version and the draft) and shows it. */
export function CompareResult({ documentId, fromVersionId, toVersionId, from, to, maxHeight }: CompareResultProps) {
  const withDraft = toVersionId === null;
  const { data, previousData, error, refetch, loading } = useQuery(DOCUMENT_COMPARE_QUERY, {
    variables: { id: documentId, fromVersionId, toVersionId },
    // Versions never change; the draft does, so its comparison is refreshed.
    fetchPolicy: withDraft ? 'cache-and-network' : 'cache-first',
  });
  useLiveTopic('documents', () => {
    if (withDraft) void refetch();
  });
  const diff = data?.node?.compare ?? null;
  const stale = !diff && loading ? (previousData?.node?.compare ?? null) : null;

  if (error && !diff) return <ErrorState error={error} title="The comparison could not be made" onRetry={() => refetch()} />;
  if (!diff && !stale) return <SkeletonRows rows={6} height={22} />;
  const shown = diff ?? stale!;
  return (
    <div style={{ opacity: diff ? 1 : 0.55, transition: 'opacity 120ms' }} aria-busy={!diff}>
      <DocumentDiff key={`${fromVersionId ?? 'empty'}:${toVersionId ?? 'draft'}`} diff={shown} from={from} to={to} maxHeight={maxHeight} plain={fromVersionId === null} />
    </div>
  );
}

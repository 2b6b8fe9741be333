import { useQuery } from '@apollo/client/react';
import { Badge, Button, Stack, Tabs, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconGitCompare, IconListDetails, IconSignature, IconStack2 } from '@tabler/icons-react';
import { useCallback, useMemo, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useLiveTopic } from '../../apollo/organization-events';
import { PageHeader } from '../../components/page-header';
import { usePanelParam } from '../../components/use-panel-param';
import { ErrorState, SkeletonRows } from '../../components/query-states';
import { useCurrentOrganization } from '../../organization/organization-context';
import { useViewer } from '../../session/require-viewer';
import { IssueVersionModal } from './_components/issue-version-modal';
import { RequestSoaApprovalModal } from './_components/request-soa-approval-modal';
import { SoaControlDrawer } from './_components/soa-control-drawer';
import { SoaEditor } from './_components/soa-editor';
import { SoaExportMenu, SoaSummary, type SoaCounts } from './_components/soa-summary';
import { SoaVersions } from './_components/soa-versions';
import { SOA_PAGE_QUERY, type SoaEntryRow, type SoaSnapshotEntry } from './soa-operations';
import { NO_SOA_FILTER, isIncomplete, readComparison, readSoaTab, readSoaUrlFilter, writeSoaFilter, writeSoaTab, type SoaComparison, type SoaTab, type SoaUrlFilter } from './soa-url-filter';

/** Changes between an issued snapshot and the draft, counted field by field as the server compares them. */
function countChanges(snapshot: readonly SoaSnapshotEntry[], entries: readonly SoaEntryRow[]): number {
  const before = new Map(snapshot.map((e) => [e.controlRef, e]));
  let changes = 0;
  for (const entry of entries) {
    const old = before.get(entry.controlRef);
    if (!old) {
      changes++;
      continue;
    }
    if (old.applicable !== entry.applicable) changes++;
    if (old.justification !== entry.justification) changes++;
    if (old.implementationStatus !== entry.implementationStatus) changes++;
  }
  return changes;
}

/** The Statement of Applicability (clause 6.1.3 d): edited control by control, issued as versions, approved by management. */
export function SoaPage() {
  const { organization, can } = useCurrentOrganization();
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => readSoaUrlFilter(params), [params]);
  const tab = readSoaTab(params);
  const comparison = useMemo(() => readComparison(params), [params]);
  const [issuing, { open: openIssue, close: closeIssue }] = useDisclosure(false);
  const [requesting, { open: openRequest, close: closeRequest }] = useDisclosure(false);
  // A control's panel (details and evidence) is addressed as ?control=A.8.13; the rows get a stable opener.
  const controlPanel = usePanelParam('control');
  const openControlRef = useRef(controlPanel.open);
  openControlRef.current = controlPanel.open;
  const openControl = useCallback((ref: string) => openControlRef.current(ref), []);

  const { data, error, refetch } = useQuery(SOA_PAGE_QUERY, { variables: { id: organization.id }, fetchPolicy: 'cache-and-network' });
  // A version approved (or rejected) in the approvals inbox changes what the header says.
  useLiveTopic('approvals', () => void refetch().catch(() => undefined));

  const soa = data?.organization?.statementOfApplicability ?? null;
  const versions = useMemo(() => data?.organization?.soaVersions ?? [], [data]);
  const entries = useMemo(() => soa?.entries ?? [], [soa]);
  const titles = useMemo(() => new Map(entries.map((e) => [e.controlRef, e.control.title])), [entries]);
  const latest = versions[0] ?? null;
  const lastApproved = versions.find((v) => !!v.approval) ?? null;
  const counts: SoaCounts = useMemo(
    () => ({
      total: entries.length,
      applicable: entries.filter((e) => e.applicable === true).length,
      excluded: entries.filter((e) => e.applicable === false).length,
      undecided: entries.filter((e) => e.applicable === null).length,
      incomplete: entries.filter(isIncomplete).length,
    }),
    [entries],
  );
  const draftChanges = soa?.latestVersion ? countChanges(soa.latestVersion.entries, entries) : null;

  const setFilter = (next: Partial<SoaUrlFilter>) => setParams(writeSoaTab(writeSoaFilter(params, { ...filter, ...next }), 'editor'), { replace: true });
  const clearFilter = () => setParams(writeSoaFilter(params, NO_SOA_FILTER), { replace: true });
  const setTab = (next: SoaTab, nextComparison: SoaComparison | null = null) => setParams(writeSoaTab(params, next, nextComparison), { replace: next === tab && !nextComparison });
  const showIncomplete = () => {
    closeIssue();
    setParams(writeSoaTab(writeSoaFilter(params, { ...NO_SOA_FILTER, incomplete: true }), 'editor'), { replace: true });
    // Take the person to the rows in question.
    setTimeout(() => document.getElementById('soa-controls')?.scrollIntoView({ behavior: 'smooth', block: 'start' }), 150);
  };

  const canIssue = can('soa:issue');
  const canRequest = can('approval:request') && !!latest;
  const latestApproved = !!latest?.approval;
  const latestPending = latest?.approvalRequests.some((r) => r.status === 'PENDING') ?? false;
  // Management asked to approve: that decision is what this person has to do here.
  const awaitingMe = latest?.approvalRequests.find((r) => r.status === 'PENDING' && r.approvers.some((a) => a.id === viewer.id)) ?? null;

  return (
    <>
      <PageHeader
        eyebrow={
          <Badge variant="light" color="indigo" size="md">
            Step 1 · Preparation
          </Badge>
        }
        title="Statement of Applicability"
        description="For each of the 93 Annex A controls: does it apply, why, and how far is it implemented (clause 6.1.3 d). Management approves it; it is the first document your auditor reads."
        actions={
          soa ? (
            <>
              <SoaExportMenu lastApproved={lastApproved} />
              {canRequest && !awaitingMe ? (
                <Tooltip
                  label={
                    latestApproved
                      ? `Version ${latest.number} is already approved. Issue a new version to approve your changes.`
                      : latestPending
                        ? `Version ${latest.number} is already waiting for approval; you can still ask others.`
                        : `Ask management to approve version ${latest.number}.`
                  }
                  multiline
                  w={260}
                >
                  {/* data-disabled keeps the explanation on hover (a disabled button gets no pointer events). */}
                  <Button
                    variant="default"
                    leftSection={<IconSignature size={18} aria-hidden />}
                    data-disabled={latestApproved || undefined}
                    aria-disabled={latestApproved || undefined}
                    onClick={(event) => (latestApproved ? event.preventDefault() : openRequest())}
                  >
                    Request approval
                  </Button>
                </Tooltip>
              ) : null}
              {awaitingMe && latest ? (
                <Button color="orange" component={Link} to={`/o/${organization.id}/approvals?request=${encodeURIComponent(awaitingMe.id)}`} leftSection={<IconSignature size={18} aria-hidden />}>
                  Review version {latest.number}
                </Button>
              ) : null}
              {canIssue ? (
                <Button leftSection={<IconStack2 size={18} aria-hidden />} onClick={openIssue}>
                  Issue version
                </Button>
              ) : null}
            </>
          ) : null
        }
      />
      {error && !data ? (
        <ErrorState error={error} title="The Statement of Applicability could not be loaded" onRetry={() => refetch()} />
      ) : !soa ? (
        <SkeletonRows rows={10} height={44} />
      ) : (
        <Stack gap="lg">
          <SoaSummary
            counts={counts}
            latest={latest}
            lastApproved={lastApproved}
            draftChanges={draftChanges}
            onCompareDraft={() => latest && setTab('versions', { from: latest.number, to: null })}
            onShowIncomplete={showIncomplete}
          />
          <Tabs value={tab} onChange={(next) => setTab(next === 'versions' ? 'versions' : 'editor')} keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="editor" leftSection={<IconListDetails size={16} aria-hidden />}>
                Controls
              </Tabs.Tab>
              <Tabs.Tab value="versions" leftSection={<IconGitCompare size={16} aria-hidden />}>
                Versions{versions.length ? ` (${versions.length})` : ''}
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="editor" pt="md">
              <SoaEditor entries={entries} filter={filter} canEdit={can('soa:update')} onFilter={setFilter} onClear={clearFilter} onOpenControl={openControl} />
            </Tabs.Panel>
            <Tabs.Panel value="versions" pt="md">
              <SoaVersions versions={versions} comparison={comparison} titles={titles} onCompare={(next) => setTab('versions', next)} />
            </Tabs.Panel>
          </Tabs>
        </Stack>
      )}
      {soa && canIssue ? (
        <IssueVersionModal
          opened={issuing}
          onClose={closeIssue}
          nextNumber={(latest?.number ?? 0) + 1}
          counts={counts}
          changesSinceLatest={draftChanges}
          latestNumber={latest?.number ?? null}
          onShowIncomplete={showIncomplete}
        />
      ) : null}
      {soa ? <SoaControlDrawer controlRef={controlPanel.value} entries={entries} onClose={controlPanel.close} /> : null}
      {latest && canRequest ? <RequestSoaApprovalModal version={latest} lastApproved={lastApproved} titles={titles} opened={requesting} onClose={closeRequest} /> : null}
    </>
  );
}

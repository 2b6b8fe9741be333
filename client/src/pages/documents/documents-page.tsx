import { useQuery } from '@apollo/client/react';
import { Badge, Button, Tabs, Title } from '@mantine/core';
import { IconAlertTriangle, IconChecklist, IconPlus, IconTable } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { useCurrentOrganization } from '../../organization/organization-context';
import { ConsistencyIssues } from './_components/register/consistency-issues';
import { DocumentsRegister } from './_components/register/documents-register';
import { MandatoryDocuments, presetFor } from './_components/register/mandatory-documents';
import { NewDocumentModal, type NewDocumentPreset } from './_components/register/new-document-modal';
import {
  NO_DOCUMENT_FILTER,
  readDocumentUrlFilter,
  readDocumentsTab,
  readMandatoryShow,
  writeDocumentFilter,
  writeDocumentsTab,
  writeMandatoryShow,
  type DocumentUrlFilter,
  type DocumentsTab,
} from './_components/register/register-url';
import { ToAcknowledgeCallout, ToAcknowledgeList } from './_components/register/to-acknowledge';
import { CONSISTENCY_ISSUES_QUERY, DOCUMENTS_TO_ACKNOWLEDGE_QUERY, MANDATORY_DOCUMENTS_QUERY } from './documents-operations';

/**
 * The documented information of the ISMS (clause 7.5): the register of policies and procedures,
 * the checklist of what the standard requires, and the contradictions an auditor would find.
 * Employees see the published policies addressed to them, and what they still have to read.
 */
export function DocumentsPage() {
  const { organization, can } = useCurrentOrganization();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => readDocumentUrlFilter(params), [params]);
  const checks = can('consistency:read');
  const employee = !can('document:readAcknowledgements');
  const tab: DocumentsTab = checks ? readDocumentsTab(params) : 'register';
  const show = readMandatoryShow(params);
  const [creating, setCreating] = useState<{ preset: NewDocumentPreset | null } | null>(null);
  const create = can('document:create') ? (preset?: NewDocumentPreset | null) => setCreating({ preset: preset ?? null }) : null;

  const toAcknowledge = useQuery(DOCUMENTS_TO_ACKNOWLEDGE_QUERY, { variables: { id: organization.id }, fetchPolicy: 'cache-and-network' });
  const mandatory = useQuery(MANDATORY_DOCUMENTS_QUERY, { variables: { id: organization.id }, fetchPolicy: 'cache-and-network', skip: !checks });
  const consistency = useQuery(CONSISTENCY_ISSUES_QUERY, { variables: { id: organization.id }, fetchPolicy: 'cache-and-network', skip: !checks });

  const pending = toAcknowledge.data?.organization?.documentsToAcknowledge ?? [];
  const mandatoryRows = mandatory.data?.organization?.mandatoryDocuments ?? null;
  const issues = consistency.data?.organization?.consistencyIssues ?? null;
  const missing = mandatoryRows ? mandatoryRows.filter((r) => !r.satisfied).length : null;
  const errorCount = issues ? issues.filter((i) => i.severity === 'ERROR').length : null;

  const setFilter = (next: Partial<DocumentUrlFilter>) => setParams(writeDocumentFilter(params, { ...filter, ...next }), { replace: true });
  const clearFilter = () => setParams(writeDocumentFilter(params, NO_DOCUMENT_FILTER), { replace: true });
  const setTab = (next: DocumentsTab) => setParams(writeDocumentsTab(params, next), { replace: true });
  const presetForRef = useCallback((ref: string) => {
    const row = mandatoryRows?.find((r) => r.ref === ref);
    return row ? presetFor(row) : { mandatoryRefs: [ref] };
  }, [mandatoryRows]);

  const register = <DocumentsRegister filter={filter} onFilter={setFilter} onClear={clearFilter} onCreate={create} />;

  return (
    <>
      <PageHeader
        eyebrow={
          employee ? undefined : (
            <Badge variant="light" color="indigo" size="md">
              Step 1 · Preparation
            </Badge>
          )
        }
        title="Documents"
        description={
          employee
            ? `The policies and procedures of ${organization.name} that apply to you. Read the ones waiting for you and confirm you have.`
            : 'Policies, procedures and records of your ISMS: written and approved here, published to the people they concern, and read by the auditor.'
        }
        actions={
          create ? (
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => create()}>
              New document
            </Button>
          ) : null
        }
      />
      {employee ? <ToAcknowledgeList documents={pending} loading={!toAcknowledge.data} /> : <ToAcknowledgeCallout documents={pending} />}
      {employee ? (
        <>
          <Title order={2} fz={18} mb="sm">
            All policies for you
          </Title>
          {register}
        </>
      ) : !checks ? (
        register
      ) : (
        <Tabs value={tab} onChange={(next) => setTab(next === 'mandatory' || next === 'consistency' ? next : 'register')} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="register" leftSection={<IconTable size={16} aria-hidden />}>
              Register
            </Tabs.Tab>
            <Tabs.Tab
              value="mandatory"
              leftSection={<IconChecklist size={16} aria-hidden />}
              rightSection={
                missing ? (
                  <Badge size="sm" variant="light" color="red" aria-label={`${missing} missing`}>
                    {missing}
                  </Badge>
                ) : null
              }
            >
              Mandatory documents
            </Tabs.Tab>
            <Tabs.Tab
              value="consistency"
              leftSection={<IconAlertTriangle size={16} aria-hidden />}
              rightSection={
                errorCount ? (
                  <Badge size="sm" variant="filled" color="red" aria-label={`${errorCount} errors`}>
                    {errorCount}
                  </Badge>
                ) : null
              }
            >
              Consistency
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="register" pt="md">
            {register}
          </Tabs.Panel>
          <Tabs.Panel value="mandatory" pt="md">
            <MandatoryDocuments
              rows={mandatoryRows}
              error={mandatory.error}
              onRetry={() => void mandatory.refetch()}
              show={show}
              onShow={(next) => setParams(writeMandatoryShow(params, next), { replace: true })}
              onCreate={create}
            />
          </Tabs.Panel>
          <Tabs.Panel value="consistency" pt="md">
            <ConsistencyIssues issues={issues} error={consistency.error} onRetry={() => void consistency.refetch()} presetForRef={presetForRef} onCreate={create} />
          </Tabs.Panel>
        </Tabs>
      )}
      {create ? <NewDocumentModal opened={!!creating} preset={creating?.preset} onClose={() => setCreating(null)} /> : null}
    </>
  );
}

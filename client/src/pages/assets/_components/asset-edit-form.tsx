import { useApolloClient } from '@apollo/client/react';
import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { applyMutationError, readApiError } from '../../../apollo/api-error';
import { useMemberOptions } from '../../../organization/member-options';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { ASSET_PANEL_QUERY, isAssetNode, useUpdateAsset, type AssetRow, type AssetType } from '../asset-operations';
import { ASSET_TYPE_LABELS, CIA_LABELS } from '../asset-words';
import { ASSET_FIELDS, ASSET_FIELD_LABELS, AssetFormFields, assetFormValues, assetInput, assetValidation, type AssetField, type AssetFormValues } from './asset-form-fields';
import { ConflictAlert } from '../../../components/conflict-alert';
import { mergeAfterReload } from '../../../components/merge-after-reload';

interface Base {
  version: number;
  values: AssetFormValues;
}

/**
 * The asset's fields in the side panel. Save sends the version the form is based on; a change by
 * someone else meanwhile is explained, and "Reload latest" takes theirs while keeping what was
 * typed here.
 */
export function AssetEditForm({ asset }: { asset: AssetRow }) {
  const client = useApolloClient();
  const { can } = useCurrentOrganization();
  const { options: members } = useMemberOptions();
  const [updateAsset, { loading }] = useUpdateAsset();
  const [base, setBase] = useState<Base>(() => ({ version: asset.version, values: assetFormValues(asset) }));
  const [conflict, setConflict] = useState<'saved-elsewhere' | 'rejected' | null>(null);
  const [theirs, setTheirs] = useState<Partial<AssetFormValues>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const form = useForm<AssetFormValues>({ initialValues: assetFormValues(asset), validate: assetValidation });

  const dirty = ASSET_FIELDS.some((field) => form.values[field] !== base.values[field]);
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;

  // The asset changed (live, or by our own save): follow it while nothing is being edited.
  useEffect(() => {
    if (asset.version === base.version) return;
    if (!dirtyRef.current) {
      const latest = assetFormValues(asset);
      setBase({ version: asset.version, values: latest });
      form.setValues(latest);
      form.resetDirty(latest);
      setConflict(null);
      setTheirs({});
      return;
    }
    setConflict((current) => current ?? 'saved-elsewhere');
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reacts to a new version only
  }, [asset.version]);

  const reloadLatest = async () => {
    setReloading(true);
    try {
      const { data } = await client.query({ query: ASSET_PANEL_QUERY, variables: { id: asset.id }, fetchPolicy: 'network-only' });
      const node = data?.node;
      if (!isAssetNode(node)) {
        setFormError('This asset no longer exists: it was deleted meanwhile.');
        return;
      }
      const latest = assetFormValues(node);
      const mine = form.getValues();
      const { merged, theirs: bothChanged } = mergeAfterReload(base.values, mine, latest, ASSET_FIELDS);
      setBase({ version: node.version, values: latest });
      form.setValues(merged);
      setTheirs(bothChanged);
      setConflict(null);
      setFormError(null);
    } catch (e) {
      setFormError(readApiError(e).message);
    } finally {
      setReloading(false);
    }
  };

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    if (!dirty) {
      notifications.show({ color: 'gray', message: 'Nothing changed: there is nothing to save.' });
      return;
    }
    try {
      const { data } = await updateAsset({ variables: { input: { id: asset.id, version: base.version, ...assetInput(values, base.values) } } });
      const saved = data?.updateAsset.asset;
      if (!saved) return;
      const latest = assetFormValues(saved);
      setBase({ version: saved.version, values: latest });
      form.setValues(latest);
      form.resetDirty(latest);
      setTheirs({});
      setConflict(null);
      notifications.show({ color: 'teal', message: `“${saved.name}” is saved.` });
    } catch (e) {
      if (readApiError(e).code === 'CONFLICT') {
        setConflict('rejected');
        return;
      }
      setFormError(applyMutationError(form, e));
    }
  });

  const hint = (field: AssetField) => {
    if (!(field in theirs)) return null;
    const value = theirs[field] ?? '';
    const shown =
      field === 'ownerId'
        ? (members.find((m) => m.value === value)?.label ?? 'Nobody')
        : field === 'type'
          ? (ASSET_TYPE_LABELS[value as AssetType] ?? value)
          : field === 'confidentiality' || field === 'integrity' || field === 'availability'
            ? `${value} · ${CIA_LABELS[Number(value)]}`
            : value || '(empty)';
    return (
      <Text size="xs" c="orange.9" component="span">
        Also changed by someone else to “{shown.length > 80 ? `${shown.slice(0, 80)}…` : shown}”. Yours is kept.{' '}
        <Anchor
          component="button"
          type="button"
          size="xs"
          onClick={() => {
            form.setFieldValue(field, value as never);
            setTheirs(({ [field]: _dropped, ...rest }) => rest);
          }}
        >
          Use theirs
        </Anchor>
      </Text>
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {conflict ? <ConflictAlert conflict={conflict} noun="asset" reloading={reloading} onReload={() => void reloadLatest()} /> : null}
        {Object.keys(theirs).length > 0 && !conflict ? (
          <Alert color="orange" variant="light" icon={<IconAlertCircle size={18} />}>
            <Text size="sm">
              Reloaded. You and someone else both changed {Object.keys(theirs).map((f) => ASSET_FIELD_LABELS[f as AssetField].toLowerCase()).join(', ')}: yours is kept, theirs is shown under the
              field. Save to keep yours.
            </Text>
          </Alert>
        ) : null}
        {formError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {formError}
          </Alert>
        ) : null}
        <AssetFormFields form={form} canChooseOwner={can('asset:delete')} fixedOwner={asset.owner} hint={hint} />
        <Group justify="flex-end" gap="sm">
          {dirty ? (
            <Button
              variant="default"
              onClick={() => {
                form.setValues(base.values);
                setTheirs({});
                setFormError(null);
              }}
            >
              Discard changes
            </Button>
          ) : null}
          <Button type="submit" loading={loading}>
            Save asset
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

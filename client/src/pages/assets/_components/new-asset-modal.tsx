import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { applyMutationError } from '../../../apollo/api-error';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { useViewer } from '../../../session/require-viewer';
import { useCreateAsset, type AssetRow } from '../asset-operations';
import { AssetFormFields, assetInput, assetValidation, newAssetValues, type AssetFormValues } from './asset-form-fields';

interface NewAssetModalProps {
  opened: boolean;
  onClose(): void;
  onCreated(asset: AssetRow): void;
}

export function NewAssetModal({ opened, onClose, onCreated }: NewAssetModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="New asset" size="xl">
      {opened ? <NewAssetForm onCancel={onClose} onCreated={onCreated} /> : null}
    </Modal>
  );
}

function NewAssetForm({ onCancel, onCreated }: { onCancel(): void; onCreated(asset: AssetRow): void }) {
  const viewer = useViewer();
  const { organization, can } = useCurrentOrganization();
  // Contributors register assets they own themselves; admins give them to anyone.
  const canChooseOwner = can('asset:delete');
  const [createAsset, { loading }] = useCreateAsset();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<AssetFormValues>({ initialValues: newAssetValues(canChooseOwner ? '' : viewer.id), validate: assetValidation });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    const input = assetInput(values, null);
    if (!canChooseOwner) delete input.ownerId;
    try {
      const { data } = await createAsset({ variables: { input: { organizationId: organization.id, ...input } } });
      const asset = data?.createAsset.asset;
      if (!asset) return;
      notifications.show({ color: 'teal', message: `“${asset.name}” is in the inventory.` });
      onCreated(asset);
    } catch (e) {
      setFormError(applyMutationError(form, e));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {formError}
          </Alert>
        ) : null}
        <AssetFormFields form={form} canChooseOwner={canChooseOwner} fixedOwner={{ id: viewer.id, name: viewer.name }} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={loading}>
            Create asset
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

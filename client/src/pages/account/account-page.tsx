import { SimpleGrid, Stack } from '@mantine/core';
import { PageHeader } from '../../components/page-header';
import { useOptionalOrganization } from '../../organization/organization-context';
import { ApiTokensSection } from './_components/api-tokens-section';
import { ChangePasswordForm } from './_components/change-password-form';
import { NotificationPreferencesSection } from './_components/notification-preferences-section';
import { ProfileForm } from './_components/profile-form';

/** The person's own settings; the same page inside an organisation's shell and at /account. */
export function AccountPage() {
  const current = useOptionalOrganization();
  return (
    <>
      <PageHeader title="Account" description="Your profile, your password, which notifications reach your inbox, and the API tokens your scripts use." />
      <Stack gap="lg" maw={1100}>
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <ProfileForm />
          <ChangePasswordForm />
        </SimpleGrid>
        <NotificationPreferencesSection />
        <ApiTokensSection defaultOrganizationId={current?.organization.id ?? null} />
      </Stack>
    </>
  );
}

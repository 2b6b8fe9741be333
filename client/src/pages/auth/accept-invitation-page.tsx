import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Group, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconMailOpened } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { applyMutationError } from '../../apollo/api-error';
import { ErrorState, PageLoader } from '../../components/query-states';
import { RoleBadge } from '../../organization/role-badge';
import { ROLE_DESCRIPTIONS, isRole, type Role } from '../../organization/roles';
import { PASSWORD_HINT, validateNewPassword } from '../../session/password-rules';
import { useStartSession } from '../../session/use-session';
import { SESSION_VIEWER_FRAGMENT, type SessionViewer } from '../../session/viewer-query';
import { AuthLayout } from './_components/auth-layout';

interface InvitationPreview {
  email: string;
  hasAccount: boolean;
  organizationName: string;
  role: Role;
  status: 'PENDING' | 'ACCEPTED' | 'REVOKED' | 'EXPIRED' | string;
}

const INVITATION_QUERY: TypedDocumentNode<{ invitation: InvitationPreview | null }, { token: string }> = gql`
  query InvitationPreview($token: String!) {
    invitation(token: $token) {
      email
      hasAccount
      organizationName
      role
      status
    }
  }
`;

interface AcceptInvitationData {
  acceptInvitation: { organization: { id: string; name: string }; viewer: SessionViewer };
}

const ACCEPT_INVITATION: TypedDocumentNode<AcceptInvitationData, { input: { token: string; name?: string; password: string } }> = gql`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      organization {
        id
        name
      }
      viewer {
        ...SessionViewer
      }
    }
  }
  ${SESSION_VIEWER_FRAGMENT}
`;

const STATUS_EXPLANATIONS: Record<string, { title: string; body: string }> = {
  ACCEPTED: { title: 'This invitation was already accepted', body: 'Sign in with the invited e-mail address to open the organisation.' },
  REVOKED: { title: 'This invitation was withdrawn', body: 'Ask the person who invited you to send a new one if you still need access.' },
  EXPIRED: { title: 'This invitation has expired', body: 'Invitations are valid for a limited time. Ask for a new one.' },
};

export function AcceptInvitationPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { data, loading, error, refetch } = useQuery(INVITATION_QUERY, { variables: { token }, skip: !token, fetchPolicy: 'network-only' });

  let content;
  if (!token) {
    content = <InvalidLink />;
  } else if (loading && !data) {
    content = <PageLoader label="Opening your invitation…" />;
  } else if (error) {
    content = <ErrorState error={error} onRetry={() => refetch()} />;
  } else if (!data?.invitation) {
    content = <InvalidLink />;
  } else {
    content = <InvitationDetails token={token} invitation={data.invitation} />;
  }

  return (
    <AuthLayout
      title="Join your team on Annex"
      footer={
        <>
          Not what you expected?{' '}
          <Anchor component={Link} to="/sign-in" fw={600}>
            Sign in
          </Anchor>
        </>
      }
    >
      {content}
    </AuthLayout>
  );
}

function InvalidLink() {
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title="This invitation link is not valid">
      Check that you opened the whole link from the e-mail, or ask for a new invitation.
    </Alert>
  );
}

function InvitationDetails({ token, invitation }: { token: string; invitation: InvitationPreview }) {
  const navigate = useNavigate();
  const startSession = useStartSession();
  const [accept, { loading }] = useMutation(ACCEPT_INVITATION);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: '', password: '' },
    validate: {
      name: (v) => (invitation.hasAccount || v.trim() ? null : 'Enter your name.'),
      password: (v) => (invitation.hasAccount ? (v ? null : 'Enter your password.') : validateNewPassword(v)),
    },
  });

  const explanation = STATUS_EXPLANATIONS[invitation.status];

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      const { data } = await accept({
        variables: {
          input: invitation.hasAccount ? { token, password: values.password } : { token, name: values.name.trim(), password: values.password },
        },
      });
      if (!data) return;
      await startSession(data.acceptInvitation.viewer);
      navigate(`/o/${data.acceptInvitation.organization.id}`, { replace: true });
    } catch (error) {
      setFormError(applyMutationError(form, error));
    }
  });

  return (
    <Stack gap="lg">
      <Paper bg="gray.0" p="md" withBorder>
        <Stack gap="xs">
          <Group gap="xs" wrap="nowrap">
            <IconMailOpened size={20} aria-hidden />
            <Text fw={600}>{invitation.organizationName}</Text>
          </Group>
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              Invited:{' '}
            </Text>
            {invitation.email}
          </Text>
          <Group gap="xs">
            <Text span c="dimmed" size="sm">
              Role:
            </Text>
            <RoleBadge role={invitation.role} />
          </Group>
          {isRole(invitation.role) ? (
            <Text size="sm" c="dimmed">
              {ROLE_DESCRIPTIONS[invitation.role]}
            </Text>
          ) : null}
          <Group gap="xs">
            <Text span c="dimmed" size="sm">
              Status:
            </Text>
            <StatusBadge status={invitation.status} />
          </Group>
        </Stack>
      </Paper>

      {explanation ? (
        <Alert color="yellow" variant="light" title={explanation.title}>
          {explanation.body}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {formError ? (
              <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
                {formError}
              </Alert>
            ) : null}
            {invitation.hasAccount ? (
              <>
                <Text size="sm">
                  {invitation.email} already has an Annex account. Enter its password to join {invitation.organizationName}.
                </Text>
                <PasswordInput label="Password" autoComplete="current-password" autoFocus {...form.getInputProps('password')} />
              </>
            ) : (
              <>
                <Text size="sm">Create your account to join {invitation.organizationName}.</Text>
                <TextInput label="Name" autoComplete="name" autoFocus {...form.getInputProps('name')} />
                <PasswordInput label="Password" description={PASSWORD_HINT} autoComplete="new-password" {...form.getInputProps('password')} />
              </>
            )}
            <Button type="submit" loading={loading} fullWidth>
              Accept invitation
            </Button>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

const STATUS_COLORS: Record<string, string> = { PENDING: 'blue', ACCEPTED: 'green', REVOKED: 'gray', EXPIRED: 'red' };
const STATUS_WORDS: Record<string, string> = { PENDING: 'Pending', ACCEPTED: 'Accepted', REVOKED: 'Withdrawn', EXPIRED: 'Expired' };

function StatusBadge({ status }: { status: string }) {
  return <Badge color={STATUS_COLORS[status] ?? 'gray'}>{STATUS_WORDS[status] ?? status}</Badge>;
}

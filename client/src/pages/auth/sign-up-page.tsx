import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { applyMutationError } from '../../apollo/api-error';
import { safeNextPath } from '../../session/safe-next';
import { useStartSession } from '../../session/use-session';
import { SESSION_VIEWER_FRAGMENT, VIEWER_QUERY, type SessionViewer } from '../../session/viewer-query';
import { AuthLayout } from './_components/auth-layout';
import { PASSWORD_HINT, validateNewPassword } from '../../session/password-rules';

interface SignUpInput {
  name: string;
  email: string;
  password: string;
  organizationName?: string;
}

const SIGN_UP: TypedDocumentNode<{ signUp: { viewer: SessionViewer } }, { input: SignUpInput }> = gql`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      viewer {
        ...SessionViewer
      }
    }
  }
  ${SESSION_VIEWER_FRAGMENT}
`;

export function SignUpPage() {
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const navigate = useNavigate();
  const startSession = useStartSession();
  const { data: session } = useQuery(VIEWER_QUERY);
  const [signUp, { loading }] = useMutation(SIGN_UP);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: '', email: '', password: '', organizationName: '' },
    validate: {
      name: (v) => (v.trim() ? null : 'Enter your name.'),
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : 'Enter a valid e-mail address.'),
      password: validateNewPassword,
    },
  });

  if (session?.viewer) return <Navigate to={next} replace />;

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    const organizationName = values.organizationName.trim();
    try {
      const { data } = await signUp({
        variables: {
          input: {
            name: values.name.trim(),
            email: values.email.trim(),
            password: values.password,
            ...(organizationName ? { organizationName } : {}),
          },
        },
      });
      if (!data) return;
      await startSession(data.signUp.viewer);
      navigate(next, { replace: true });
    } catch (error) {
      setFormError(applyMutationError(form, error));
    }
  });

  return (
    <AuthLayout
      title="Create your Annex account"
      footer={
        <>
          Already have an account?{' '}
          <Anchor component={Link} to={params.get('next') ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in'} fw={600}>
            Sign in
          </Anchor>
        </>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {formError ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
              {formError}
            </Alert>
          ) : null}
          <TextInput label="Name" autoComplete="name" autoFocus {...form.getInputProps('name')} />
          <TextInput label="E-mail" description="Your work e-mail address" type="email" autoComplete="email" {...form.getInputProps('email')} />
          <PasswordInput label="Password" description={PASSWORD_HINT} autoComplete="new-password" {...form.getInputProps('password')} />
          <TextInput
            label="Organisation name"
            description="We create it with you as its owner. Leave empty if a colleague will invite you."
            autoComplete="organization"
            {...form.getInputProps('organizationName')}
          />
          <Button type="submit" loading={loading} fullWidth mt="xs">
            Create account
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}

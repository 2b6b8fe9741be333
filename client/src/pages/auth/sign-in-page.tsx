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

const SIGN_IN: TypedDocumentNode<{ signIn: { viewer: SessionViewer } }, { input: { email: string; password: string } }> = gql`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      viewer {
        ...SessionViewer
      }
    }
  }
  ${SESSION_VIEWER_FRAGMENT}
`;

export function SignInPage() {
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const navigate = useNavigate();
  const startSession = useStartSession();
  const { data: session } = useQuery(VIEWER_QUERY);
  const [signIn, { loading }] = useMutation(SIGN_IN);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (v.trim() ? null : 'Enter your e-mail address.'),
      password: (v) => (v ? null : 'Enter your password.'),
    },
  });

  if (session?.viewer) return <Navigate to={next} replace />;

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      const { data } = await signIn({ variables: { input: { email: values.email.trim(), password: values.password } } });
      if (!data) return;
      await startSession(data.signIn.viewer);
      navigate(next, { replace: true });
    } catch (error) {
      // Wrong credentials and rate limiting are about the whole form, shown as the server says.
      setFormError(applyMutationError(form, error));
    }
  });

  const signUpLink = params.get('next') ? `/sign-up?next=${encodeURIComponent(next)}` : '/sign-up';

  return (
    <AuthLayout
      title="Sign in to Annex"
      footer={
        <>
          New to Annex?{' '}
          <Anchor component={Link} to={signUpLink} fw={600}>
            Create an account
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
          <TextInput label="E-mail" type="email" autoComplete="username" autoFocus {...form.getInputProps('email')} />
          <PasswordInput label="Password" autoComplete="current-password" {...form.getInputProps('password')} />
          <Button type="submit" loading={loading} fullWidth mt="xs">
            Sign in
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}

import { useState, type FormEvent } from "react";
import { Navigate, useSearchParams } from "react-router";
import { Alert, Button, Center, Divider, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { describeError } from "../api/problem";
import { useAuth } from "./AuthContext";
import { externalSignInError, externalSignInUrl, useExternalProviders } from "./externalSignIn";
import { homePath } from "./roles";

/** Only paths inside the app are followed after signing in, never another site. */
function safeReturn(path: string | null): string | null {
  return path && path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/sign-in") ? path : null;
}

export function SignInPage() {
  const { user, signIn, expired } = useAuth();
  const [params] = useSearchParams();
  const returnTo = safeReturn(params.get("returnTo"));
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const providers = useExternalProviders();
  // What a provider's sign-in came back with, shown until the person tries the form instead.
  const [triedForm, setTriedForm] = useState(false);
  const providerError = triedForm ? null : externalSignInError(params.get("error"), providers[0]?.displayName ?? "Single sign-on");
  const shownError = error ?? providerError;

  if (user) return <Navigate to={returnTo ?? homePath(user)} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setTriedForm(true);
    try {
      await signIn(email.trim(), password);
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center component="main" mih="100vh" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={400} component="form" onSubmit={submit} aria-labelledby="sign-in-title">
        <Stack>
          <Title order={1} size="h2" id="sign-in-title">
            Sign in to CareFlows
          </Title>
          {(expired || params.get("expired")) && (
            <Alert color="yellow" styles={{ title: { color: "var(--mantine-color-dark-8)" } }} title="Your session ended">
              Sign in again to carry on; what you were working on is kept.
            </Alert>
          )}
          {shownError && (
            <Alert color="red" title="Could not sign in" role="alert">
              {shownError}
            </Alert>
          )}
          {providers.map((provider) => (
            <Button key={provider.id} component="a" href={externalSignInUrl(provider, returnTo)} variant="default">
              Sign in with {provider.displayName}
            </Button>
          ))}
          {providers.length > 0 && <Divider label="or with your CareFlows password" labelPosition="center" />}
          <TextInput label="Email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
          <PasswordInput label="Password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
          <Button type="submit" loading={busy}>
            Sign in
          </Button>
          <Text size="sm" c="dimmed">
            Use the account your administrator gave you.
          </Text>
        </Stack>
      </Paper>
    </Center>
  );
}

import { NavLink as RouterNavLink, Outlet, useLocation } from "react-router";
import { Anchor, AppShell, Badge, Group, Menu, NavLink, ScrollArea, Text, UnstyledButton } from "@mantine/core";
import {
  IconActivity,
  IconChartBar,
  IconChevronDown,
  IconDeviceDesktop,
  IconFileSearch,
  IconInbox,
  IconLogout,
  IconSitemap,
  IconUsers,
  IconUsersGroup,
} from "@tabler/icons-react";
import { useAuth } from "../auth/AuthContext";
import { NotificationsBell } from "../features/inbox/NotificationsBell";
import { useLiveConnected } from "../live/LiveUpdates";

interface NavItem {
  to: string;
  label: string;
  icon: React.ReactNode;
  show: boolean;
}

/** The frame of every signed-in page: the navigation the user's roles allow, who is signed in, and notifications. */
export function AppLayout() {
  const { user, can, signOut } = useAuth();
  const location = useLocation();
  const live = useLiveConnected();
  // The designer needs the width for its canvas: there the navigation shows its icons only, each still named.
  const compact = /^\/definitions\/[^/]+/.test(location.pathname);
  const items: NavItem[] = [
    { to: "/inbox", label: "Inbox", icon: <IconInbox size={18} aria-hidden />, show: can.readInbox },
    { to: "/definitions", label: "Pathways", icon: <IconSitemap size={18} aria-hidden />, show: can.readDefinitions },
    { to: "/instances", label: "Instances", icon: <IconActivity size={18} aria-hidden />, show: can.readInstances },
    { to: "/metrics", label: "Metrics", icon: <IconChartBar size={18} aria-hidden />, show: can.readMetrics },
    { to: "/audit", label: "Audit", icon: <IconFileSearch size={18} aria-hidden />, show: can.readAudit },
    { to: "/admin/users", label: "Users", icon: <IconUsers size={18} aria-hidden />, show: can.administer },
    { to: "/admin/teams", label: "Teams", icon: <IconUsersGroup size={18} aria-hidden />, show: can.administer },
    { to: "/admin/sessions", label: "Sessions", icon: <IconDeviceDesktop size={18} aria-hidden />, show: can.administer },
  ];

  return (
    <AppShell header={{ height: 52 }} navbar={{ width: compact ? 64 : 200, breakpoint: 0 }} padding="md">
      <Anchor href="#main" className="skip-link">
        Skip to main content
      </Anchor>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="xs">
            <Text fw={700} size="lg" component="span">
              CareFlows
            </Text>
            {can.readInbox && (
              <Badge variant="outline" color={live ? "teal.9" : "gray.7"} size="sm" title={live ? "Live updates on" : "Live updates reconnecting"}>
                {live ? "Live" : "Offline"}
              </Badge>
            )}
          </Group>
          <Group gap="sm">
            {can.readInbox && <NotificationsBell />}
            <Menu position="bottom-end">
              <Menu.Target>
                <UnstyledButton aria-label={`Account menu for ${user?.name}`}>
                  <Group gap={4}>
                    <Text size="sm">{user?.name}</Text>
                    <IconChevronDown size={14} aria-hidden />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{user?.roles.join(", ")}</Menu.Label>
                <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void signOut()}>
                  Sign out
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation">
        <ScrollArea>
          {items
            .filter((item) => item.show)
            .map((item) => (
              <NavLink
                key={item.to}
                component={RouterNavLink}
                to={item.to}
                label={compact ? undefined : item.label}
                aria-label={item.label}
                title={compact ? item.label : undefined}
                leftSection={item.icon}
                active={location.pathname.startsWith(item.to)}
              />
            ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

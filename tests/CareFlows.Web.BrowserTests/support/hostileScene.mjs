import { apiClient } from "./api.mjs";

/**
 * What an attacker types, each piece of which would set `window.__xss` if a page ran it instead of showing it: an
 * element with an event handler, a script element, a break out of an attribute, a script address, and Markdown that
 * would make a script link if anything rendered Markdown.
 */
export const payloads = {
  img: "<img src=x onerror=window.__xss=1>",
  script: "<script>window.__xss=1</script>",
  svg: '"><svg onload=window.__xss=1>',
  href: "javascript:window.__xss=1",
  markdown: "[open](javascript:window.__xss=1) **bold** <b onmouseover=window.__xss=1>b</b>",
};
const { img, script, svg, href, markdown } = payloads;

/** Each stored text, by where it was typed; every one carries a payload and a word that names it. */
export const hostile = {
  teamName: `Ward ${img}`,
  teamDescription: `Covers ${svg}`,
  displayName: `Nurse ${svg}`,
  definitionName: `Pathway ${script}`,
  definitionDescription: `Calls ${img} ${markdown}`,
  taskTitle: `Call ${img} back`,
  instructions: `Read ${script} then ${markdown}`,
  patientName: `Ada ${img}`,
  patientMrn: `MRN ${svg}`,
  patientId: href,
  fieldLabel: `Notes ${svg}`,
  choice: `Option ${img}`,
  formValue: `Answer ${script} ${markdown}`,
  comment: `Comment ${img} ${markdown}`,
  attemptNote: `Voicemail ${svg}`,
  holdReason: `Waiting ${script}`,
  filterName: `Mine ${img}`,
  breakGlassReason: `Emergency ${svg} ${img}`,
  cancelReason: `Stopped ${script}`,
  instanceName: `Instance ${svg}`,
  userAgent: `Agent ${img}`,
  correlationId: `${href} ${svg}`,
  purposeOfUse: script,
};

const teamPassword = "Hostile-Names-Pass-1";

function definition(id) {
  const literal = (typeName, value) => ({ typeName, expression: { type: "Literal", value } });
  const object = (typeName, value) => ({ typeName, expression: { type: "Object", value: JSON.stringify(value) } });
  return {
    definitionId: id,
    name: hostile.definitionName,
    description: hostile.definitionDescription,
    version: 1,
    variables: [],
    root: {
      id: "flowchart",
      type: "Elsa.Flowchart",
      activities: [
        { id: "start", type: "Elsa.Start", version: 1 },
        {
          id: "call",
          type: "CareFlows.HumanTask",
          version: 1,
          // The title comes through a template from the instance's input, the instructions as typed in the designer.
          title: { typeName: "String", expression: { type: "Liquid", value: "{{ Input.title }}" } },
          instructions: literal("String", hostile.instructions),
          patient: { typeName: "Object", expression: { type: "JavaScript", value: "getInput('patient')" } },
          candidateTeams: { typeName: "String[]", expression: { type: "JavaScript", value: "getInput('teams')" } },
          priority: literal("String", "urgent"),
          dueIn: literal("TimeSpan", "2.00:00:00"),
          form: object("Object", {
            fields: [
              { key: "notes", type: "multiline", label: hostile.fieldLabel, required: true },
              { key: "pick", type: "choice", label: "Pick", options: [hostile.choice, "plain"] },
            ],
          }),
          outcomes: object("String[]", ["Done"]),
        },
        { id: "end", type: "Elsa.End", version: 1 },
      ],
      connections: [
        { source: { activity: "start", port: "Done" }, target: { activity: "call", port: "In" } },
        { source: { activity: "call", port: "Done" }, target: { activity: "end", port: "In" } },
      ],
    },
  };
}

/**
 * Stores every hostile text through the real API, as the people and systems who type them would: an admin names a team
 * and a coordinator, a clinical lead names and publishes a pathway, a feed starts it for a patient, the coordinator
 * works its tasks, another coordinator breaks the glass, and a system calls with a hostile user agent and correlation id.
 */
export async function storeHostileText(url) {
  const admin = await apiClient(url, "admin@careflows.local");
  const lead = await apiClient(url, "lead@careflows.local");

  const team = await admin.post("/api/admin/teams", { name: hostile.teamName, description: hostile.teamDescription });
  const email = "hostile.names@careflows.test";
  const nurse = await admin.post("/api/admin/users", { email, displayName: hostile.displayName, password: teamPassword, roles: ["Coordinator"], teams: [team.id] });

  const definitionId = "hostile-text";
  await lead.post("/api/definitions", definition(definitionId));
  await lead.post(`/api/definitions/${definitionId}/publish`);

  const input = {
    title: hostile.taskTitle,
    teams: [team.id],
    patient: { id: hostile.patientId, name: hostile.patientName, mrn: hostile.patientMrn, birthDate: "1950-01-01" },
  };
  const start = async (correlationId) => {
    const instance = await admin.post("/api/instances", { definitionId, correlationId, name: hostile.instanceName, input });
    const tasks = await admin.get(`/api/tasks?queue=all&pathway=${definitionId}&pageSize=200`);
    return { instanceId: instance.id, taskId: tasks.items.find((t) => t.instanceId === instance.id).id };
  };
  const open = await start("hostile-open");
  const done = await start("hostile-done");
  const cancelled = await start("hostile-cancelled");

  // The nurse's calls carry a hostile user agent, correlation id and purpose of use, which the audit log records.
  const headers = { "User-Agent": hostile.userAgent, "X-Correlation-Id": hostile.correlationId, "X-Purpose-Of-Use": hostile.purposeOfUse };
  const nurseApi = await apiClient(url, email, { password: teamPassword, headers });
  // Assigned by the admin: the nurse is notified, with the task's title.
  await admin.post(`/api/tasks/${open.taskId}/reassign`, { user: nurse.id });
  await nurseApi.post(`/api/tasks/${open.taskId}/comments`, { text: hostile.comment });
  await nurseApi.post(`/api/tasks/${open.taskId}/attempts`, { channel: "phone", result: "left-message", note: hostile.attemptNote });
  await nurseApi.post(`/api/tasks/${open.taskId}/hold`, { reason: hostile.holdReason });
  await nurseApi.post(`/api/tasks/${open.taskId}/release`);
  await nurseApi.post("/api/tasks/filters", { name: hostile.filterName, query: "queue=all" });
  await nurseApi.post(`/api/tasks/${done.taskId}/claim`);
  await nurseApi.post(`/api/tasks/${done.taskId}/complete`, { outcome: "Done", data: { notes: hostile.formValue, pick: hostile.choice } });
  await admin.post(`/api/instances/${cancelled.instanceId}/cancel`, { reason: hostile.cancelReason });

  // A coordinator of another team reads the open task in an emergency, with a hostile reason.
  const outsider = await apiClient(url, "coordinator@careflows.local");
  const grant = await outsider.post("/api/access/break-glass", { task: open.taskId, reason: hostile.breakGlassReason });

  return { team, nurse: { ...nurse, email, password: teamPassword }, definitionId, open, done, cancelled, grant };
}

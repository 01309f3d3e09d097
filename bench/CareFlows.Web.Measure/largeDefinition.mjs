/**
 * A definition of `count` activities laid out on a grid: a chain of WriteLines with a decision every tenth step
 * whose false branch rejoins the chain, as a large pathway reads. Valid Elsa 3 JSON, importable as it is.
 */
export function largeDefinition(definitionId, count = 300) {
  const activities = [];
  const connections = [];
  const columns = 15;
  const at = (i) => ({ x: (i % columns) * 260, y: Math.floor(i / columns) * 160 });
  const activity = (id, type, i, extra = {}) => ({
    id,
    type,
    version: 1,
    name: id,
    metadata: { designer: { position: at(i), size: { width: 200, height: 60 } } },
    ...extra,
  });
  const connect = (source, sourcePort, target) =>
    connections.push({ source: { activity: source, port: sourcePort }, target: { activity: target, port: "In" } });

  activities.push(activity("start", "Elsa.Start", 0));
  let previous = { id: "start", port: "Done" };
  for (let i = 1; i < count - 1; i++) {
    const id = `step${i}`;
    if (i % 10 === 0) {
      activities.push(
        activity(id, "Elsa.FlowDecision", i, {
          condition: { typeName: "Boolean", expression: { type: "JavaScript", value: `getVariable('Count') > ${i}` } },
        }),
      );
      connect(previous.id, previous.port, id);
      previous = { id, port: "True" };
      // The false branch joins the next step too, so every activity stays reachable.
      connections.push({ source: { activity: id, port: "False" }, target: { activity: `step${i + 1}`, port: "In" }, pending: true });
    } else {
      activities.push(
        activity(id, "Elsa.WriteLine", i, { text: { typeName: "String", expression: { type: "Literal", value: `Step ${i}` } } }),
      );
      connect(previous.id, previous.port, id);
      previous = { id, port: "Done" };
    }
  }
  activities.push(activity("end", "Elsa.End", count - 1));
  connect(previous.id, previous.port, "end");
  const valid = connections
    .filter((c) => activities.some((a) => a.id === c.target.activity))
    .map(({ pending: _pending, ...c }) => c);

  return {
    id: `${definitionId}-v1`,
    definitionId,
    name: `Large pathway (${count} activities)`,
    version: 1,
    variables: [{ id: "count", name: "Count", typeName: "Int32", value: "0" }],
    root: { id: "flowchart", type: "Elsa.Flowchart", activities, connections: valid },
  };
}

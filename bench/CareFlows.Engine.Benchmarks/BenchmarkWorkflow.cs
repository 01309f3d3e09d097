using System.Text.Json.Nodes;

namespace CareFlows.Engine.Benchmarks;

/// <summary>
/// A 20-activity discharge-style flowchart: variables, a JavaScript decision, a three-way fork joined with
/// WaitAll, and a human task where the instance suspends; after the task it switches on the outcome and ends.
/// </summary>
internal static class BenchmarkWorkflow
{
    public static JsonObject Json()
    {
        JsonObject Literal(string type, object? value) => new() { ["typeName"] = type, ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = JsonValue.Create(value) } };
        JsonObject Script(string type, string script) => new() { ["typeName"] = type, ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = script } };
        JsonObject Activity(string id, string type, params (string Name, JsonObject Input)[] inputs)
        {
            var activity = new JsonObject { ["id"] = id, ["type"] = type, ["version"] = 1 };
            foreach (var (name, input) in inputs)
            {
                activity[name] = input;
            }

            return activity;
        }

        JsonObject Set(string id, string variable, JsonObject value)
        {
            var set = Activity(id, "Elsa.SetVariable", ("value", value));
            set["variable"] = new JsonObject { ["id"] = variable, ["name"] = variable };
            return set;
        }

        JsonObject Connect(string from, string to, string port = "Done") => new()
        {
            ["source"] = new JsonObject { ["activity"] = from, ["port"] = port },
            ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" },
        };

        var fork = Activity("fork", "Elsa.FlowFork", ("branches", new JsonObject { ["typeName"] = "String[]", ["expression"] = new JsonObject { ["type"] = "Object", ["value"] = "[\"Summary\",\"Meds\",\"Visit\"]" } }));
        var task = Activity("call", "CareFlows.HumanTask", ("title", Literal("String", "Post-discharge outreach call")), ("priority", Literal("String", "urgent")), ("dueIn", Literal("TimeSpan", "2.00:00:00")));
        task["outcomes"] = new JsonObject { ["typeName"] = "String[]", ["expression"] = new JsonObject { ["type"] = "Object", ["value"] = "[\"Reached\",\"Unreachable\"]" } };
        var outcomeSwitch = Activity("route", "Elsa.FlowSwitch");
        outcomeSwitch["cases"] = new JsonArray(new JsonObject { ["label"] = "Reached", ["condition"] = new JsonObject { ["type"] = "Literal", ["value"] = true } });
        var join = Activity("join", "Elsa.FlowJoin", ("mode", Literal("String", "WaitAll")));

        JsonObject[] activities =
        [
            Activity("start", "Elsa.Start"),
            Set("score", "Lace", Literal("Object", 12)),
            Activity("name", "Elsa.SetName", ("value", Literal("String", "Discharge follow-up"))),
            Activity("correlate", "Elsa.Correlate", ("correlationId", Literal("String", "ENC-1"))),
            Activity("decide", "Elsa.FlowDecision", ("condition", Script("Boolean", "getLace() >= 10"))),
            Set("high", "Track", Literal("Object", "7-day")),
            Set("low", "Track", Literal("Object", "14-day")),
            Activity("merge", "Elsa.FlowNode"),
            fork,
            Activity("summary", "Elsa.WriteLine", ("text", Literal("String", "Request discharge summary"))),
            Activity("meds", "Elsa.WriteLine", ("text", Literal("String", "Reconcile medications"))),
            Activity("visit", "Elsa.WriteLine", ("text", Literal("String", "Schedule face-to-face visit"))),
            join,
            task,
            outcomeSwitch,
            Activity("reached", "Elsa.WriteLine", ("text", Literal("String", "Patient reached"))),
            Activity("escalate", "Elsa.WriteLine", ("text", Literal("String", "Escalate to RN"))),
            Activity("output", "Elsa.SetOutput", ("outputName", Literal("String", "Track")), ("outputValue", Literal("Object", "done"))),
            Activity("log", "Elsa.WriteLine", ("text", Literal("String", "Closed"))),
            Activity("end", "Elsa.End"),
        ];
        JsonObject[] connections =
        [
            Connect("start", "score"), Connect("score", "name"), Connect("name", "correlate"), Connect("correlate", "decide"),
            Connect("decide", "high", "True"), Connect("decide", "low", "False"), Connect("high", "merge"), Connect("low", "merge"),
            Connect("merge", "fork"), Connect("fork", "summary", "Summary"), Connect("fork", "meds", "Meds"), Connect("fork", "visit", "Visit"),
            Connect("summary", "join"), Connect("meds", "join"), Connect("visit", "join"), Connect("join", "call"),
            Connect("call", "route", "Reached"), Connect("call", "escalate", "Unreachable"), Connect("route", "reached", "Reached"),
            Connect("reached", "output"), Connect("escalate", "output"), Connect("route", "output", "Default"), Connect("output", "log"), Connect("log", "end"),
        ];
        return new JsonObject
        {
            ["id"] = "bench-v1",
            ["definitionId"] = "bench",
            ["name"] = "Benchmark",
            ["version"] = 1,
            ["variables"] = new JsonArray(
                new JsonObject { ["id"] = "Lace", ["name"] = "Lace", ["typeName"] = "Int32", ["value"] = "0" },
                new JsonObject { ["id"] = "Track", ["name"] = "Track", ["typeName"] = "String", ["value"] = "" }),
            ["root"] = new JsonObject
            {
                ["id"] = "flowchart",
                ["type"] = "Elsa.Flowchart",
                ["activities"] = new JsonArray([.. activities]),
                ["connections"] = new JsonArray([.. connections]),
            },
        };
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using Fluid.Values;

namespace CareFlows.Engine.Expressions.Liquid;

/// <summary>
/// Host values as Liquid values. JSON objects become objects a template can index (<c>{{ Variables.Patient.name }}</c>),
/// converted one level at a time as the template reads them; no host object is ever handed to a template.
/// </summary>
internal static class LiquidValues
{
    public static FluidValue From(object? value) => ValueConverter.Normalize(value) switch
    {
        null => NilValue.Instance,
        string s => StringValue.Create(s),
        bool b => BooleanValue.Create(b),
        int i => NumberValue.Create(i),
        long l => NumberValue.Create(l),
        decimal m => NumberValue.Create(m),
        double d => NumberOrText(d),
        float f => NumberOrText(f),
        short s => NumberValue.Create(s),
        DateTimeOffset t => new DateTimeValue(t),
        DateTime t => new DateTimeValue(t),
        JsonObject o => Object(name => o.TryGetPropertyValue(name, out var child) ? (true, child) : (false, null), () => o.Select(p => p.Key)),
        JsonArray a => new ArrayValue([.. a.Select(From)]),
        var other => StringValue.Create(ValueConverter.ToText(other) ?? ""),
    };

    /// <summary>An object whose properties are read, and converted, only when a template asks for them.</summary>
    public static DictionaryValue Object(Func<string, (bool Found, object? Value)> read, Func<IEnumerable<string>> names) =>
        new(new LazyIndexable(read, names));

    // Liquid numbers are decimals; doubles beyond their range are shown as text.
    private static FluidValue NumberOrText(double d) =>
        double.IsFinite(d) && Math.Abs(d) < 7.9e28
            ? NumberValue.Create((decimal)d)
            : StringValue.Create(d.ToString(CultureInfo.InvariantCulture));

    private sealed class LazyIndexable(Func<string, (bool Found, object? Value)> read, Func<IEnumerable<string>> names) : IFluidIndexable
    {
        public int Count => names().Count();

        public IEnumerable<string> Keys => names();

        public bool TryGetValue(string name, out FluidValue value)
        {
            var (found, raw) = read(name);
            value = found ? From(raw) : NilValue.Instance;
            return found;
        }
    }
}

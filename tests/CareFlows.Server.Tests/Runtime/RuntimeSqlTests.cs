using System.Reflection;
using System.Text.RegularExpressions;
using CareFlows.Server.Persistence;
using CareFlows.Server.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CareFlows.Server.Tests.Runtime;

/// <summary>
/// The runtime's own SQL names tables and columns that the EF model defines: a renamed or added column in the model
/// that the SQL does not follow fails here, not in production.
/// </summary>
public sealed partial class RuntimeSqlTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres, DatabaseProvider.SqlServer];

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_table_and_column_the_runtime_SQL_names_is_in_the_model(DatabaseProvider provider)
    {
        using var context = DesignTimeContexts.Create(provider);
        var model = Tables(context.Model);
        var problems = new List<string>();

        foreach (var (name, sql) in Statements())
        {
            var tables = TableReference().Matches(sql).ToDictionary(m => m.Groups["alias"].Success ? m.Groups["alias"].Value : m.Groups["table"].Value, m => m.Groups["table"].Value);
            foreach (var table in tables.Values.Where(t => !model.ContainsKey(t)))
            {
                problems.Add($"{name}: table \"{table}\" is not in the model");
            }

            foreach (Match column in ColumnReference().Matches(sql))
            {
                var identifier = column.Groups["column"].Value;
                var candidates = column.Groups["alias"].Success ? [tables.GetValueOrDefault(column.Groups["alias"].Value, "?")] : tables.Values.ToArray();
                if (tables.ContainsValue(identifier) && !column.Groups["alias"].Success)
                {
                    continue;
                }

                if (!candidates.Any(t => model.TryGetValue(t, out var columns) && columns.ContainsKey(identifier)))
                {
                    problems.Add($"{name}: column \"{identifier}\" is in none of {string.Join(", ", candidates)}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_insert_gives_each_required_column_and_one_value_per_column(DatabaseProvider provider)
    {
        using var context = DesignTimeContexts.Create(provider);
        var model = Tables(context.Model);
        var inserts = Statements().Select(s => (s.Name, Match: Insert().Match(s.Sql))).Where(s => s.Match.Success).ToList();

        Assert.NotEmpty(inserts);
        foreach (var (name, insert) in inserts)
        {
            var columns = ColumnReference().Matches(insert.Groups["columns"].Value).Select(m => m.Groups["column"].Value).ToList();
            var required = model[insert.Groups["table"].Value].Values.Where(c => !c.IsNullable && c.DefaultValueSql is null && c.DefaultValue is null && !IsGenerated(c)).Select(c => c.Name);

            Assert.Empty(required.Except(columns));
            if (insert.Groups["values"].Success)
            {
                Assert.Equal(columns.Count, insert.Groups["values"].Value.Split(',').Length);
            }
        }
    }

    [Fact]
    public void The_statements_are_found()
    {
        // Guards the tests above against passing on nothing.
        Assert.Contains(Statements(), s => s.Name == nameof(RuntimeSql.InsertInstance));
        Assert.True(Statements().Count() > 15);
    }

    private static IEnumerable<(string Name, string Sql)> Statements() =>
        typeof(RuntimeSql).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (f.Name, (string)f.GetRawConstantValue()!));

    private static Dictionary<string, Dictionary<string, IColumn>> Tables(IModel model) =>
        model.GetRelationalModel().Tables.ToDictionary(t => t.Name, t => t.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal), StringComparer.Ordinal);

    private static bool IsGenerated(IColumn column) =>
        column.PropertyMappings.Any(m => m.Property.ValueGenerated != Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never);

    [GeneratedRegex("""(?:FROM|INTO|UPDATE|JOIN)\s+"(?<table>\w+)"(?:\s+(?!WHERE|SET|JOIN|ON|ORDER|VALUES|SELECT|AS)(?<alias>[a-z]\w*))?""")]
    private static partial Regex TableReference();

    [GeneratedRegex(@"(?:(?<alias>[a-z]\w*)\.)?""(?<column>\w+)""")]
    private static partial Regex ColumnReference();

    [GeneratedRegex("""INSERT INTO "(?<table>\w+)" \((?<columns>[^)]*)\)\s*(?:VALUES \((?<values>[^)]*)\)|SELECT)""")]
    private static partial Regex Insert();
}

using System.Data;
using System.Data.Common;

namespace CareFlows.Server.Runtime;

/// <summary>
/// A null whose column type is known. Sent untyped, a null leaves PostgreSQL to infer the parameter's type, and Npgsql
/// then parses the statement again on every use instead of keeping it prepared.
/// </summary>
internal sealed class TypedNull
{
    private static readonly TypedNull Text = new(DbType.String);
    private static readonly TypedNull Time = new(DbType.DateTimeOffset);
    private static readonly TypedNull Date = new(DbType.Date);
    private static readonly TypedNull Integer = new(DbType.Int32);

    private TypedNull(DbType type) => Type = type;

    public DbType Type { get; }

    public static object Of(string? value) => (object?)value ?? Text;

    public static object Of(DateTime? value) => value is { } v ? v : Time;

    public static object Of(DateOnly? value) => value is { } v ? v : Date;

    public static object Of(int? value) => value is { } v ? v : Integer;

    /// <summary>Sets a parameter's value; a typed null also sets its type when <paramref name="typed"/> (fresh parameters only).</summary>
    public static void Bind(DbParameter parameter, object? value, bool typed)
    {
        if (value is TypedNull typedNull)
        {
            if (typed)
            {
                parameter.DbType = typedNull.Type;
            }

            parameter.Value = DBNull.Value;
            return;
        }

        parameter.Value = value ?? DBNull.Value;
    }
}

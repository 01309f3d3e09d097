namespace CareFlows.Server.Persistence.Configurations;

/// <summary>Column lengths, small enough for every provider to index (SQL Server caps index keys at 900 bytes).</summary>
internal static class ColumnSizes
{
    public const int Id = 64;
    public const int DefinitionId = 128;
    public const int Name = 256;
    public const int Key = 256;
    public const int Status = 32;
    public const int Hash = 64;
    public const int Text = 1024;
}

namespace Mge.Pipeline.Storage;

/// <summary>The rules every record store applies to table, partition and row names, so that all stores reject the same keys.</summary>
internal static class RecordKeys
{
    public const int MaxLength = 512;

    public static void Validate(string table, string partition, string? row)
    {
        Check(table, "table");
        Check(partition, "partition");
        if (row is not null)
        {
            Check(row, "row");
        }
    }

    private static void Check(string value, string what)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException($"The {what} key is empty.", what);
        }

        if (value.Length > MaxLength)
        {
            throw new ArgumentException($"The {what} key is {value.Length} characters long (at most {MaxLength}).", what);
        }

        foreach (var c in value)
        {
            // Table Storage refuses these in keys; refusing them everywhere keeps the stores interchangeable.
            if (c is '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                throw new ArgumentException($"The {what} key '{value}' contains '{(char.IsControl(c) ? $"U+{(int)c:X4}" : c.ToString())}', which record keys may not contain.", what);
            }
        }
    }
}

namespace Mge.Pipeline.Storage;

/// <summary>
/// The rules for container and blob names shared by every blob store: containers are lower-case letters,
/// digits and '-'; blob names are relative, '/'-separated, with no empty, "." or ".." segment, no backslash,
/// no drive or root, no control character. A name that breaks a rule is refused with the rule it breaks,
/// before any store touches the disk.
/// </summary>
public static class BlobNames
{
    public const int MaxNameLength = 1024;

    public static void Validate(string container, string name)
    {
        ValidateContainer(container);
        var problem = Problem(name);
        if (problem is not null)
        {
            throw new ArgumentException($"Blob name '{name}' is not allowed: {problem}.", nameof(name));
        }
    }

    public static void ValidateContainer(string container)
    {
        if (string.IsNullOrEmpty(container) || container.Length > 63 || !container.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-') || container.StartsWith('-'))
        {
            throw new ArgumentException($"Container name '{container}' is not allowed: use 1-63 lower-case letters, digits and '-', not starting with '-'.", nameof(container));
        }
    }

    /// <summary>Why the name is not allowed, or null when it is.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "it is empty";
        }

        if (name.Length > MaxNameLength)
        {
            return $"it is {name.Length} characters long (at most {MaxNameLength})";
        }

        foreach (var c in name)
        {
            if (char.IsControl(c))
            {
                return $"it contains the control character U+{(int)c:X4}";
            }

            if (c == '\\')
            {
                return "it contains a backslash; use '/'";
            }
        }

        if (name.StartsWith('/') || name.StartsWith('~') || (name.Length >= 2 && name[1] == ':' && char.IsAsciiLetter(name[0])))
        {
            return "it is absolute; blob names are relative to their container";
        }

        foreach (var segment in name.Split('/'))
        {
            if (segment.Length == 0)
            {
                return "it has an empty segment ('//' or a trailing '/')";
            }

            if (segment is "." or "..")
            {
                return $"it has a '{segment}' segment";
            }
        }

        return null;
    }
}

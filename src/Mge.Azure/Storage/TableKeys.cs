using System.Text;

namespace Mge.Azure.Storage;

/// <summary>
/// Table Storage forbids '/', '\', '#', '?' and control characters in keys and limits them to 1 KiB.
/// Keys are escaped (%XX) rather than rejected, which keeps ordinary keys unchanged and their order intact.
/// </summary>
internal static class TableKeys
{
    public const int MaxKeyLength = 512;

    public static string Escape(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var needsEscape = false;
        foreach (var c in key)
        {
            if (IsForbidden(c))
            {
                needsEscape = true;
                break;
            }
        }
        var escaped = needsEscape ? EscapeSlow(key) : key;
        return escaped.Length <= MaxKeyLength
            ? escaped
            : throw new ArgumentException($"Table key is {escaped.Length} characters after escaping; the limit is {MaxKeyLength}.", nameof(key));
    }

    public static string Unescape(string key) => key.Contains('%') ? Uri.UnescapeDataString(key) : key;

    /// <summary>The smallest string greater than every string that starts with <paramref name="prefix"/>.</summary>
    public static string PrefixUpperBound(string prefix)
    {
        var chars = prefix.ToCharArray();
        chars[^1] = (char)(chars[^1] + 1);
        return new string(chars);
    }

    private static bool IsForbidden(char c) => c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c);

    private static string EscapeSlow(string key)
    {
        var builder = new StringBuilder(key.Length + 8);
        foreach (var c in key)
        {
            if (IsForbidden(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}

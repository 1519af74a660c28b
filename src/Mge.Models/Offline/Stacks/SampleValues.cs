using System.Globalization;
using Mge.Models.Offline.Blueprint;

namespace Mge.Models.Offline.Stacks;

/// <summary>
/// Values the generated tests send, as source literals. Unique fields and e-mails embed a counter variable
/// <c>n</c> (Python f-string / JavaScript template literal) so that several records can be created.
/// </summary>
internal static class SampleValues
{
    public static bool UsesCounter(BlueprintField field) => field.Type == "email" || (field.Unique && field.IsText);

    public static string Python(BlueprintField field, bool awareDateTimes = false) => field.Type switch
    {
        "email" => "f\"person{n}@example.com\"",
        "string" or "text" when field.Unique => $"f\"{field.Name}-{{n}}\"",
        "string" => Quote($"Sample {Naming.ToWords(field.Name).ToLowerInvariant()}"),
        "text" => Quote($"Some {Naming.ToWords(field.Name).ToLowerInvariant()} text."),
        "integer" => field.Unique ? "n" : "3",
        "float" => field.Unique ? "n + 0.5" : "9.5",
        "boolean" => "True",
        "date" => Quote("2024-05-01"),
        "datetime" => Quote(awareDateTimes ? "2024-05-01T10:30:00Z" : "2024-05-01T10:30:00"),
        _ => Quote("sample"),
    };

    public static string JavaScript(BlueprintField field) => field.Type switch
    {
        "email" => "`person${n}@example.com`",
        "string" or "text" when field.Unique => $"`{field.Name}-${{n}}`",
        "boolean" => "true",
        "datetime" => Quote("2024-05-01T10:30:00Z"),
        _ => Python(field),
    };

    /// <summary>The value an update test sends (a plain literal, valid in Python and JavaScript except booleans).</summary>
    public static string UpdatePython(BlueprintField field, bool awareDateTimes = false) => field.Type switch
    {
        "email" => Quote("updated@example.com"),
        "string" => Quote($"Updated {Naming.ToWords(field.Name).ToLowerInvariant()}"),
        "text" => Quote("Updated text."),
        "integer" => "7",
        "float" => "19.5",
        "boolean" => "False",
        "date" => Quote("2024-06-15"),
        "datetime" => Quote(awareDateTimes ? "2024-06-15T08:00:00Z" : "2024-06-15T08:00:00"),
        _ => Quote("updated"),
    };

    public static string UpdateJavaScript(BlueprintField field) => field.Type switch
    {
        "boolean" => "false",
        "datetime" => Quote("2024-06-15T08:00:00Z"),
        _ => UpdatePython(field),
    };

    /// <summary>The field an update test changes: the first text-like field, else the first field.</summary>
    public static BlueprintField? UpdateField(BlueprintEntity entity) =>
        entity.Fields.FirstOrDefault(f => f.IsText) ?? entity.Fields.FirstOrDefault();

    public static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    public static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}

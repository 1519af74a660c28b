using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mge.Api.Http;

/// <summary>
/// How the HTTP API reads and writes JSON, independent of the host's MVC settings: camelCase names, enums as
/// camelCase strings, nulls left out. Bodies are read strictly: an unknown member ("concurency") is an error,
/// not silently ignored. Progress events keep their snake_case data fields (they are JSON objects already).
/// </summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = CreateWriteOptions();

    /// <summary>For request bodies: as <see cref="Options"/>, case-insensitive, unknown members refused.</summary>
    public static JsonSerializerOptions BodyOptions { get; } = CreateBodyOptions();

    private static JsonSerializerOptions CreateWriteOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static JsonSerializerOptions CreateBodyOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            MaxDepth = 16,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

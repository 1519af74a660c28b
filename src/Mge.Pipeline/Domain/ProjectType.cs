using System.Text.Json.Serialization;

namespace Mge.Pipeline.Domain;

/// <summary>The kinds of project MGE generates. The JSON names are the CLI's --type values.</summary>
public enum ProjectType
{
    [JsonStringEnumMemberName("fastapi")] FastApi,
    [JsonStringEnumMemberName("django")] Django,
    [JsonStringEnumMemberName("express")] Express,
}

namespace Mge.Pipeline.Domain;

/// <summary>The kinds of project MGE generates. Names are the CLI's --type values in lower case.</summary>
public enum ProjectType
{
    FastApi,
    Django,
    Express,
}

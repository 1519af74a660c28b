using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Mge.Pipeline.Domain;

/// <summary>
/// The kind of project a run generates, by the name of its stack definition ("fastapi", "django", "express";
/// see <c>templates/stacks/</c>). A name rather than an enum, so that a new stack is one definition plus its
/// templates. In JSON it is that name. Whether a stack of this name exists is the stack catalog's question
/// (<c>ProjectStacks.For</c>); user input goes through <c>ProjectTypeParser</c>, which also knows the aliases.
/// </summary>
[JsonConverter(typeof(ProjectTypeJsonConverter))]
public readonly partial record struct ProjectType
{
    private readonly string? _name;

    /// <param name="name">The stack's canonical name: lower case letters, digits and '-', starting with a letter.</param>
    public ProjectType(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!NamePattern().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a project type name (lower case letters, digits and '-', starting with a letter).", nameof(name));
        }

        _name = name;
    }

    /// <summary>The stack's canonical name; empty only for <c>default(ProjectType)</c>, which names no stack.</summary>
    public string Name => _name ?? "";

    // The stacks MGE ships, by name, for code and tests that mean one of them on purpose (a request's
    // default, a test case). Code that must work for every stack enumerates the catalog instead.
    public static ProjectType FastApi { get; } = new("fastapi");

    public static ProjectType Django { get; } = new("django");

    public static ProjectType Express { get; } = new("express");

    /// <summary>Whether <paramref name="name"/> is shaped like a canonical name (not whether a stack of that name exists).</summary>
    public static bool IsWellFormed(string? name) => name is not null && NamePattern().IsMatch(name);

    public override string ToString() => Name;

    [GeneratedRegex("^[a-z][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}

/// <summary>Reads and writes a <see cref="ProjectType"/> as its name.</summary>
public sealed class ProjectTypeJsonConverter : JsonConverter<ProjectType>
{
    public override ProjectType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"A project type is a JSON string (its stack's name); found {reader.TokenType}.");
        }

        var name = reader.GetString();
        return ProjectType.IsWellFormed(name)
            ? new ProjectType(name!)
            : throw new JsonException($"'{name}' is not a project type name (lower case letters, digits and '-').");
    }

    public override void Write(Utf8JsonWriter writer, ProjectType value, JsonSerializerOptions options) => writer.WriteStringValue(value.Name);
}

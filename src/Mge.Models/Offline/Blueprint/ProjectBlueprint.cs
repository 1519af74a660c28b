using Mge.Pipeline.Domain;

namespace Mge.Models.Offline.Blueprint;

/// <summary>
/// The discovery document made safe to generate code from: identifiers sanitised, attribute types
/// normalised, relations resolved to entities that exist (has_many turned into the child's belongs_to),
/// and entities ordered so that every parent comes before its children. Planning and every writer build
/// the same blueprint from the same document, so file names and imports agree across tasks.
/// </summary>
internal sealed record ProjectBlueprint(
    string ProjectName,
    string Domain,
    ProjectType ProjectType,
    IReadOnlyList<BlueprintEntity> Entities)
{
    public BlueprintEntity? FindByModule(string module) =>
        Entities.FirstOrDefault(e => e.Module == module);

    public BlueprintEntity? FindByPlural(string plural) =>
        Entities.FirstOrDefault(e => e.Plural == plural);

    public BlueprintEntity Get(string name) => Entities.First(e => e.Name == name);

    /// <summary>The relations that point at <paramref name="parent"/>, with the child that holds each.</summary>
    public IEnumerable<(BlueprintEntity Child, BlueprintRelation Relation)> ChildrenOf(BlueprintEntity parent) =>
        Entities.SelectMany(child => child.Parents.Where(r => r.Target == parent.Name).Select(r => (child, r)));
}

/// <summary>One entity, with the names every stack derives from it; <see cref="Language"/> decides its plural.</summary>
internal sealed record BlueprintEntity(
    string Name,
    string Description,
    IReadOnlyList<BlueprintField> Fields,
    IReadOnlyList<BlueprintRelation> Parents,
    NamingLanguage Language = NamingLanguage.English)
{
    /// <summary>snake_case singular: module and variable name ("order_item"); never a Python or JavaScript reserved word.</summary>
    public string Module => ModuleOf(Name);

    /// <summary>snake_case plural: table, router module and URL segment ("order_items", "solicitudes_adopcion").</summary>
    public string Plural => PluralOf(Name, Language);

    /// <summary>Lower-case words for messages ("order item").</summary>
    public string Label => Module.Replace('_', ' ');

    public string PluralLabel => Plural.Replace('_', ' ');

    /// <summary>Fields the API accepts: attributes then foreign keys.</summary>
    public IEnumerable<(string Name, bool Required)> InputNames =>
        Fields.Select(f => (f.Name, f.Required)).Concat(Parents.Select(p => (p.Column, p.Required)));

    /// <summary>The module name of the entity class <paramref name="name"/>.</summary>
    public static string ModuleOf(string name)
    {
        var snake = Naming.ToSnake(name);
        return Naming.IsReservedWord(snake) ? snake + "_record" : snake;
    }

    /// <summary>The plural (table, route) of the entity class <paramref name="name"/>.</summary>
    public static string PluralOf(string name, NamingLanguage language) => Naming.Pluralize(ModuleOf(name), language);
}

/// <summary>An attribute: snake_case name, normalised type (string, text, integer, float, boolean, datetime, date, email).</summary>
internal sealed record BlueprintField(string Name, string Type, bool Required, bool Unique)
{
    public int MaxLength => Type == "email" ? 254 : 200;

    public bool IsText => Type is "string" or "text" or "email";
}

/// <summary>
/// A belongs_to relation held by the child: <see cref="Field"/> names the navigation ("user"),
/// <see cref="Column"/> the foreign key ("user_id"), <see cref="Inverse"/> the parent's collection ("tasks").
/// </summary>
internal sealed record BlueprintRelation(string Field, string Target, string TargetPlural, bool Required, string Inverse)
{
    public string Column => Field + "_id";
}

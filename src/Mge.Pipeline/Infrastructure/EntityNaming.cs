using System.Text;

namespace Mge.Pipeline.Infrastructure;

/// <summary>
/// The spellings of an entity name the generated projects use: "TaskComment" is module "task_comment",
/// URL resource "task-comments". The routes of every stack and the README follow it.
/// </summary>
public static class EntityNaming
{
    /// <summary>snake_case of a PascalCase, camelCase, spaced or hyphenated name ("TaskComment" -> "task_comment").</summary>
    public static string Snake(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsAsciiLetterOrDigit(c))
            {
                var boundary = char.IsAsciiLetterUpper(c) && i > 0 &&
                    (char.IsAsciiLetterLower(name[i - 1]) || char.IsAsciiDigit(name[i - 1]) ||
                     (i + 1 < name.Length && char.IsAsciiLetterLower(name[i + 1]) && char.IsAsciiLetterUpper(name[i - 1])));
                if (boundary && builder.Length > 0 && builder[^1] != '_')
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '_')
            {
                builder.Append('_');
            }
        }

        return builder.ToString().Trim('_');
    }

    /// <summary>English plural of a snake_case word, pluralising the last part ("category" -> "categories", "address" -> "addresses").</summary>
    public static string Plural(string snake)
    {
        ArgumentNullException.ThrowIfNull(snake);
        if (snake.Length == 0)
        {
            return snake;
        }

        if (snake.EndsWith('y') && snake.Length > 1 && !"aeiou".Contains(snake[^2]))
        {
            return snake[..^1] + "ies";
        }

        if (snake.EndsWith('s') || snake.EndsWith('x') || snake.EndsWith('z') || snake.EndsWith("ch", StringComparison.Ordinal) || snake.EndsWith("sh", StringComparison.Ordinal))
        {
            return snake + "es";
        }

        return snake + "s";
    }

    /// <summary>
    /// The URL segment of an entity's collection: its plural in kebab-case, the one discovery gives when it gives
    /// one ("solicitudes_adopcion" -> "solicitudes-adopcion"), else by English rules ("TaskComment" -> "task-comments");
    /// see <see cref="StackRoutes"/>.
    /// </summary>
    public static string Resource(string entityName, string? plural = null) =>
        (string.IsNullOrWhiteSpace(plural) ? Plural(Snake(entityName)) : Snake(plural)).Replace('_', '-');

    /// <summary>The URL segment of a discovered entity (see <see cref="Resource(string, string?)"/>).</summary>
    public static string Resource(Domain.DomainEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return Resource(entity.Name, entity.Plural);
    }

    /// <summary>A name usable as a container, npm package or directory name: lower case, words joined by '-'.</summary>
    public static string Slug(string name)
    {
        var slug = Snake(name).Replace('_', '-');
        return slug.Length == 0 ? "generated-project" : slug;
    }
}

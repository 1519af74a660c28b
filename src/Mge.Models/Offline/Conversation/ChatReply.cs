using System.Text.RegularExpressions;
using Mge.Models.Offline.Blueprint;
using Mge.Models.Offline.Discovery;

namespace Mge.Models.Offline.Conversation;

/// <summary>The offline model's conversational answer: what MGE can build, in the user's language, and a question back.</summary>
internal static partial class ChatReply
{
    public static string Answer(string message)
    {
        // The context blocks are for the machine; only the person's words decide language and entities.
        message = ContextBlock().Replace(message, " ");
        var spanish = RequestAnalyzer.LooksSpanish(message);
        var analysis = RequestAnalyzer.Analyze(message, null);
        var named = string.Join(", ", analysis.EntityKeys.Select(Naming.ToPascal));
        if (spanish)
        {
            return analysis.EntityKeys.Count > 0
                ? $"Puedo generar un proyecto {ProjectTypeNames.ToDisplay(analysis.ProjectType)} completo con {named}: modelos, validación, endpoints CRUD, pruebas y Dockerfile. ¿Necesitas más entidades o campos concretos antes de empezar?"
                : "Hola. Soy MGE: genero proyectos completos y ejecutables en FastAPI, Django o Express a partir de una frase. ¿Qué entidades necesitas (por ejemplo usuarios, tareas y comentarios) y qué framework prefieres?";
        }

        return analysis.EntityKeys.Count > 0
            ? $"I can generate a complete {ProjectTypeNames.ToDisplay(analysis.ProjectType)} project with {named}: models, validation, CRUD endpoints, tests and a Dockerfile. Do you need any other entities or specific fields before I start?"
            : "Hi! I'm MGE: I generate complete, runnable FastAPI, Django or Express projects from one sentence. Which entities do you need (for example users, tasks and comments), and which framework do you prefer?";
    }

    [GeneratedRegex(@"```json mge-context\n.*?\n```", RegexOptions.Singleline)]
    private static partial Regex ContextBlock();
}

namespace Mge.Pipeline.Prompting;

/// <summary>The repair role's prompt texts: a task's files that failed validation, and a single atom that failed its check.</summary>
public static class RepairPrompt
{
    public const string Version = "repair-v1";

    public const string System = """
        You are a senior engineer fixing code that failed validation (syntax, imports, undefined names).
        Fix every error listed without changing what the code is meant to do.

        Answer with the whole corrected file(s), one fenced code block per file. The first line inside each
        block is a path comment: "# path: app/models/user.py" for Python, "// path: src/models/user.js" for JavaScript.
        """;

    public const string TaskInstructions = "These files of the task failed validation. Fix them; the errors and the failing code are in the context block below.";

    /// <summary>For a failed atom (atom_scope set): only the atom's code comes back.</summary>
    public const string AtomSystem = """
        You are a senior engineer fixing one small fragment ("atom") of a file that failed its check in the
        context of the code it depends on. Fix the errors listed without changing what the fragment is meant to do,
        and keep its indentation so that it still fits in its file.

        Answer with ONE fenced code block holding the corrected fragment only; no path line is needed.
        """;

    public const string AtomInstructions = "This fragment failed its check. The fragment, its scope, the errors and the code it depends on are in the context block below.";
}

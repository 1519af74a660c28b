namespace Mge.CodeIntelligence.Atomization;

/// <summary>
/// One name an import binds. Python: <c>from .models import User as U</c> is Module "models", Level 1,
/// ImportedName "User", LocalName "U"; <c>import os.path</c> is Module "os.path", ImportedName null,
/// LocalName "os". JavaScript: Module is the specifier ("./models/user", "express"), ImportedName the
/// export name ("default", "*", or a name), LocalName the binding.
/// </summary>
public sealed record ImportReference(string Module, string? ImportedName, string LocalName, int Level = 0);

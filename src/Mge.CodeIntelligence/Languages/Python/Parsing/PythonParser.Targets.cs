using Mge.CodeIntelligence.Languages.Python.Syntax;
using Attribute = Mge.CodeIntelligence.Languages.Python.Syntax.Attribute;

namespace Mge.CodeIntelligence.Languages.Python.Parsing;

/// <summary>Assignment and deletion targets: validation with CPython's messages, and store/del contexts.</summary>
public sealed partial class PythonParser
{
    private void SetAssignmentTarget(Expr target, bool isPlainAssignment)
    {
        if (target is Starred && isPlainAssignment)
        {
            throw Error("starred assignment target must be in a list or tuple", target);
        }

        if (!IsValidTarget(target, out var bad))
        {
            string suffix = isPlainAssignment && bad == target && bad is not (Syntax.Tuple or Syntax.List)
                ? " here. Maybe you meant '==' instead of '='?"
                : string.Empty;
            throw Error($"cannot assign to {Describe(bad)}{suffix}", bad);
        }

        SetContext(target, ExprContext.Store);
    }

    private static bool IsValidTarget(Expr target, out Expr bad)
    {
        switch (target)
        {
            case Name name:
                bad = target;
                return name.Id != "__debug__";
            case Attribute or Subscript:
                bad = target;
                return true;
            case Starred starred:
                return IsValidTarget(starred.Value, out bad);
            case Syntax.Tuple tuple:
                foreach (var elt in tuple.Elts)
                {
                    if (!IsValidTarget(elt, out bad))
                    {
                        return false;
                    }
                }

                bad = target;
                return true;
            case Syntax.List list:
                foreach (var elt in list.Elts)
                {
                    if (!IsValidTarget(elt, out bad))
                    {
                        return false;
                    }
                }

                bad = target;
                return true;
            default:
                bad = target;
                return false;
        }
    }

    /// <summary>Marks a validated target tree as stored or deleted; for deletion, validates too.</summary>
    private void SetContext(Expr target, ExprContext context)
    {
        switch (target)
        {
            case Name name:
                if (context == ExprContext.Del && name.Id == "__debug__")
                {
                    throw Error("cannot delete __debug__", target);
                }

                name.Ctx = context;
                break;
            case Attribute attribute:
                attribute.Ctx = context;
                break;
            case Subscript subscript:
                subscript.Ctx = context;
                break;
            case Starred starred when context == ExprContext.Store:
                starred.Ctx = context;
                SetContext(starred.Value, context);
                break;
            case Syntax.Tuple tuple:
                tuple.Ctx = context;
                foreach (var elt in tuple.Elts)
                {
                    SetContext(elt, context);
                }

                break;
            case Syntax.List list:
                list.Ctx = context;
                foreach (var elt in list.Elts)
                {
                    SetContext(elt, context);
                }

                break;
            default:
                throw Error(context == ExprContext.Del ? $"cannot delete {Describe(target)}" : $"cannot assign to {Describe(target)}", target);
        }
    }

    /// <summary>CPython's name for an expression kind in error messages.</summary>
    private static string Describe(Expr expr) => expr switch
    {
        Call => "function call",
        Constant { Value: true } => "True",
        Constant { Value: false } => "False",
        Constant { Value: null } => "None",
        Constant { Value: PyEllipsis } => "ellipsis",
        Constant => "literal",
        Compare => "comparison",
        Lambda => "lambda",
        IfExp => "conditional expression",
        NamedExpr => "named expression",
        Dict => "dict literal",
        Set => "set display",
        ListComp => "list comprehension",
        SetComp => "set comprehension",
        DictComp => "dict comprehension",
        GeneratorExp => "generator expression",
        Await => "await expression",
        Yield or YieldFrom => "yield expression",
        JoinedStr or FormattedValue => "f-string expression",
        Syntax.Tuple => "tuple",
        Syntax.List => "list",
        Starred => "starred",
        Name { Id: "__debug__" } => "__debug__",
        Name => "name",
        Attribute => "attribute",
        Subscript => "subscript",
        _ => "expression",
    };
}

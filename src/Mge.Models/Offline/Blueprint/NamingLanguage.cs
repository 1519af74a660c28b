namespace Mge.Models.Offline.Blueprint;

/// <summary>
/// The language entity names are written in, which decides how they inflect: English compounds put the
/// head noun last ("order_items"), Spanish ones first ("solicitudes_adopcion").
/// </summary>
internal enum NamingLanguage
{
    English,
    Spanish,
}

namespace Integrity.Api.Data;

/// <summary>
/// The trigram index of participants' and trainers' names (db-migrations 0017_people_search): which text of a search it
/// can look up. A trigram index holds three-character pieces, so a shorter text cannot use it, and it finds text as
/// written, so a text holding a LIKE wildcard (which the search has always honoured) cannot either: those searches read
/// every name, as before.
/// </summary>
public static class NameSearch
{
    public static bool CanLookUp(string text) => text.EnumerateRunes().Count() >= 3 && text.IndexOfAny(['%', '_', '[']) < 0;
}

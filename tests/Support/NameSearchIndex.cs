namespace Integrity.Tests;

/// <summary>
/// SQLite's name search index (db-migrations/sqlite/0017_people_search.sql): every name of <c>people</c> once in
/// <c>person_search</c>, as stored, and the FTS5 table in step with it. PostgreSQL's index is its own business.
/// </summary>
public static class NameSearchIndex
{
    public static async Task AssertInStepAsync(TestDatabase database, string person, string people, string nameColumn)
    {
        if (database.Provider != "sqlite") return;
        Assert.That(await TestSql.ScalarAsync(database, $"""
            SELECT (SELECT count(*) FROM {people} p LEFT JOIN {person}_search s ON s.{person}_id = p.id WHERE s.name IS NOT p.{nameColumn})
                 + (SELECT count(*) FROM {person}_search s LEFT JOIN {people} p ON p.id = s.{person}_id WHERE p.id IS NULL)
            """), Is.EqualTo(0L), $"every name of {people} once in the index's table, as stored");
        Assert.DoesNotThrowAsync(() => TestSql.ScalarAsync(database,
            $"INSERT INTO {person}_search_trigrams ({person}_search_trigrams) VALUES ('integrity-check')"), "the index holds its table");
    }
}

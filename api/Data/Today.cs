namespace Integrity.Api.Data;

/// <summary>Today, for the rules on dates: the day in UTC, from the injected clock (so tests can move it).</summary>
internal static class Today
{
    public static DateOnly Of(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}

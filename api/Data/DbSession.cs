using System.Data.Common;
using Dapper;

namespace Integrity.Api.Data;

/// <summary>
/// One connection per request, opened on first use. The transaction behavior begins and ends the
/// transaction; handlers just run SQL through the session and are enlisted automatically.
/// </summary>
public sealed class DbSession(Database database) : IAsyncDisposable
{
    private DbConnection? connection;
    private readonly List<Action> afterCommit = [];
    private bool committed;
    private bool inWriterQueue;

    public SqlDialect Dialect => database.Dialect;
    public DbTransaction? Transaction { get; private set; }

    public async Task<DbConnection> ConnectionAsync(CancellationToken cancellationToken) =>
        connection ??= await database.OpenAsync(cancellationToken);

    public async Task<DbTransaction> BeginTransactionAsync(CancellationToken cancellationToken)
    {
        if (Transaction is not null) throw new InvalidOperationException("A transaction is already open.");
        if (database.WriterQueue is { } queue)
        {
            await queue.WaitAsync(cancellationToken);
            inWriterQueue = true;
        }
        try
        {
            var open = await ConnectionAsync(cancellationToken);
            Transaction = await open.BeginTransactionAsync(cancellationToken);
            return Transaction;
        }
        catch
        {
            LeaveWriterQueue();
            throw;
        }
    }

    private void LeaveWriterQueue()
    {
        if (!inWriterQueue) return;
        inWriterQueue = false;
        database.WriterQueue!.Release();
    }

    /// <summary>
    /// Runs once the open transaction has committed and ended (outside the writer queue, so another writer need
    /// not wait for it); forgotten if it does not commit.
    /// </summary>
    public void AfterCommit(Action action) => afterCommit.Add(action);

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (Transaction is null) throw new InvalidOperationException("No transaction is open.");
        await Transaction.CommitAsync(cancellationToken);
        committed = true;
    }

    public async Task EndTransactionAsync()
    {
        Action[] actions = committed ? [.. afterCommit] : [];
        afterCommit.Clear();
        committed = false;
        try
        {
            if (Transaction is not null) await Transaction.DisposeAsync();
            Transaction = null;
        }
        finally
        {
            LeaveWriterQueue();
        }
        foreach (var action in actions) action();
    }

    public Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<T>>(async open => (await open.QueryAsync<T>(Command(sql, parameters, cancellationToken))).AsList(), cancellationToken);

    /// <summary>Rows one at a time, for reads too long to hold in memory.</summary>
    public async IAsyncEnumerable<T> StreamAsync<T>(string sql, object? parameters,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var open = await ConnectionAsync(cancellationToken);
        using var interrupt = Dialect.InterruptOnCancel(open, cancellationToken);
        await foreach (var row in open.QueryUnbufferedAsync<T>(sql, parameters, Transaction).WithCancellation(cancellationToken))
            yield return row;
    }

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        RunAsync(open => open.QuerySingleOrDefaultAsync<T>(Command(sql, parameters, cancellationToken)), cancellationToken);

    public Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken cancellationToken) =>
        RunAsync(open => open.ExecuteAsync(Command(sql, parameters, cancellationToken)), cancellationToken);

    /// <summary>
    /// Runs a statement on the session's connection so that a cancelled caller stops it in the database (see
    /// <see cref="SqlDialect.InterruptOnCancel"/>): an abandoned report frees the server at once rather than seconds later.
    /// </summary>
    private async Task<T> RunAsync<T>(Func<DbConnection, Task<T>> statement, CancellationToken cancellationToken)
    {
        var open = await ConnectionAsync(cancellationToken);
        using var interrupt = Dialect.InterruptOnCancel(open, cancellationToken);
        try
        {
            return await statement(open);
        }
        catch (DbException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }

    private CommandDefinition Command(string sql, object? parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, Transaction, cancellationToken: cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await EndTransactionAsync();
        if (connection is not null) await connection.DisposeAsync();
    }
}

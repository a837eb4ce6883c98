// Copyright (c) GoCardlessHalo contributors. MIT licence.
namespace GoCardlessHalo.Core.Tests.Halo.Sql;

/// <summary>The shared Halo target behaviour, on the embedded SQLite database.</summary>
public sealed class SqliteHaloTargetBehaviourTests : HaloTargetBehaviour
{
    public SqliteHaloTargetBehaviourTests()
        : base(new SqliteHaloTargetFactory())
    {
    }
}

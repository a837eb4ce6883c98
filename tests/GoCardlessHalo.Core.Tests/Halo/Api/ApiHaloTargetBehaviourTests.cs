// Copyright (c) GoCardlessHalo contributors. MIT licence.
namespace GoCardlessHalo.Core.Tests.Halo.Api;

/// <summary>The shared Halo target behaviour, on the Halo REST API (against the emulator).</summary>
public sealed class ApiHaloTargetBehaviourTests : HaloTargetBehaviour, IClassFixture<ApiHaloTargetFactory>
{
    public ApiHaloTargetBehaviourTests(ApiHaloTargetFactory factory)
        : base(factory)
    {
    }
}

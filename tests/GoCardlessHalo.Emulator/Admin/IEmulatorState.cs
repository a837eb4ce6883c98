// Copyright (c) GoCardlessHalo contributors. MIT licence.
namespace GoCardlessHalo.Emulator.Admin;

/// <summary>A piece of emulator state that POST /__admin/reset clears.</summary>
public interface IEmulatorState
{
    void Reset();
}

// Copyright (c) GoCardlessHalo contributors. MIT licence.
using GoCardlessHalo.Emulator;

// dotnet run --project tests/GoCardlessHalo.Emulator -- --urls http://127.0.0.1:5099
var app = EmulatorApp.Build(args);
app.Run();

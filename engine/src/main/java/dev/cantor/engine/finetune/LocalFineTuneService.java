package dev.cantor.engine.finetune;

import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.api.finetune.FineTuneListener;
import dev.cantor.engine.api.finetune.FineTuneRequest;
import dev.cantor.engine.api.finetune.FineTuneResult;
import dev.cantor.engine.api.finetune.FineTuneService;
import dev.cantor.engine.api.finetune.TrainingLibrary;
import dev.cantor.engine.library.LibraryScanner;
import dev.cantor.engine.library.TrainingLibraries;
import java.io.IOException;
import java.nio.file.Path;

/** Fine-tuning on this machine: {@link LibraryScanner} imports, {@link FineTuneJob} trains. */
public final class LocalFineTuneService implements FineTuneService {

    @Override
    public TrainingLibrary scan(Path folder, TrainingLibrary earlier, ProgressListener progress,
                                CancellationToken cancel) throws IOException {
        return LibraryScanner.scan(folder, earlier, progress, cancel);
    }

    @Override
    public TrainingLibrary readLibrary(Path file) throws IOException {
        return TrainingLibraries.read(file);
    }

    @Override
    public void writeLibrary(Path file, TrainingLibrary library) throws IOException {
        TrainingLibraries.write(file, library);
    }

    @Override
    public String resourceProblem(Path out, Path baseModel, boolean tuneCodec) throws IOException {
        return ResourceCheck.problem(out, baseModel, tuneCodec);
    }

    @Override
    public void create(FineTuneRequest request) throws IOException {
        FineTuneJob.create(request);
    }

    @Override
    public FineTuneResult run(Path out, ProgressListener progress, CancellationToken cancel, FineTuneListener listener)
            throws IOException {
        FineTuneState done = FineTuneJob.run(out, progress, cancel, listener);
        return new FineTuneResult(done.valLossBefore(), done.valLossAfter());
    }
}

package dev.cantor.ui;

import dev.cantor.ui.shared.EngineWorker;
import dev.cantor.ui.shared.FileDialogs;
import java.util.function.Function;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The studio as a JavaFX application. The app module supplies the wiring (which engine, which
 * devices) through {@link #launch}; everything else is in the views and view-models.
 */
public final class StudioApplication extends Application {

    private static volatile Function<EngineWorker, StudioViewModel> wiring;
    private StudioViewModel vm;

    /** Opens the window and blocks until it is closed. */
    public static void launch(Function<EngineWorker, StudioViewModel> viewModels, String... args) {
        wiring = viewModels;
        Application.launch(StudioApplication.class, args);
    }

    @Override
    public void start(Stage stage) {
        vm = wiring.apply(new EngineWorker(Platform::runLater));
        StudioView view = new StudioView(vm, FileDialogs.system());
        stage.setTitle("Cantor");
        stage.setScene(StudioView.scene(view));
        stage.setMinWidth(1024);
        stage.setMinHeight(700);
        stage.show();
        view.focusPrompt();
    }

    @Override
    public void stop() {
        if (vm != null) {
            vm.close();
        }
    }
}

#include "pipeline/run/engine_pool.h"

namespace scanstraat {

Result<TesseractEngine*> EnginePool::Local() {
  std::unique_ptr<TesseractEngine>& slot = engines_.local();
  if (!slot) {
    SS_ASSIGN_OR_RETURN(slot, TesseractEngine::Create(lang_));
  }
  return slot.get();
}

}  // namespace scanstraat

import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
// The reading fonts, bundled so every machine renders Chinese the same way. Each file declares
// unicode-range subsets, so a page loads only the pieces its text uses.
import '@fontsource/literata/400.css'
import '@fontsource/literata/400-italic.css'
import '@fontsource/literata/600.css'
import '@fontsource/noto-serif-sc/400.css'
import '@fontsource/noto-serif-sc/600.css'
import './assets/base.css'

createApp(App).use(createPinia()).mount('#app')

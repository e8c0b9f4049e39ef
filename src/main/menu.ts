import { Menu } from 'electron'
import { menuTemplate, type MenuActions, type MenuState } from './menu-template'

/** Build and install the application menu (on Windows and Linux it is each window's menu bar). */
export function installMenu(state: MenuState, actions: MenuActions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(state, actions)))
}
